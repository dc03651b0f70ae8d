import { lazy, type ReactNode, Suspense } from 'react'
import { useFocusOnNavigation } from './focus-on-navigation.ts'
import { useI18n } from './i18n/messages.ts'
import { HomePage } from './pages/HomePage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { ProcedurePage } from './pages/ProcedurePage.tsx'
import { StatisticsPage } from './pages/StatisticsPage.tsx'
import { Link, matchPath, useRouter } from './router.tsx'
import { useSession } from './session.tsx'

// The pages people arrive at from a search engine or a link (home, a procedure, the statistics) ship
// with the app, so they render without a second round trip; every other page is a chunk of its own,
// fetched when first opened, and the charts and the office area never reach those who do not open them.
const SubmitPage = lazy(async () => ({ default: (await import('./pages/SubmitPage.tsx')).SubmitPage }))
const MyDossierPage = lazy(async () => ({ default: (await import('./pages/MyDossierPage.tsx')).MyDossierPage }))
const TrackingPage = lazy(async () => ({ default: (await import('./pages/TrackingPage.tsx')).TrackingPage }))
const VerifyPage = lazy(async () => ({ default: (await import('./pages/VerifyPage.tsx')).VerifyPage }))
const SignInPage = lazy(async () => ({ default: (await import('./pages/SignInPage.tsx')).SignInPage }))
const SurveyAnswerPage = lazy(async () => ({
  default: (await import('./pages/survey/SurveyAnswerPage.tsx')).SurveyAnswerPage,
}))
const MyDossiersPage = lazy(async () => ({ default: (await import('./pages/MyDossiersPage.tsx')).MyDossiersPage }))
const PetitionPage = lazy(async () => ({ default: (await import('./pages/PetitionPage.tsx')).PetitionPage }))
const PublishedPetitionsPage = lazy(async () => ({
  default: (await import('./pages/PublishedPetitionsPage.tsx')).PublishedPetitionsPage,
}))
const MyPetitionsPage = lazy(async () => ({ default: (await import('./pages/MyPetitionsPage.tsx')).MyPetitionsPage }))
const OfficeArea = lazy(() => import('./pages/office/OfficeArea.tsx'))

function Page({ path }: { path: string }): ReactNode {
  if (path === '/') return <HomePage />
  const procedure = matchPath('/thu-tuc/:code', path)
  if (procedure?.code) return <ProcedurePage code={procedure.code} />
  const submit = matchPath('/thu-tuc/:code/nop', path)
  if (submit?.code) return <SubmitPage code={submit.code} />
  if (matchPath('/tra-cuu', path)) return <TrackingPage />
  if (matchPath('/xac-thuc', path)) return <VerifyPage />
  if (matchPath('/thong-ke', path)) return <StatisticsPage />
  if (matchPath('/phan-anh-kien-nghi', path)) return <PetitionPage />
  if (matchPath('/phan-anh-kien-nghi/da-tra-loi', path)) return <PublishedPetitionsPage />
  if (matchPath('/phan-anh-kien-nghi/cua-toi', path)) return <MyPetitionsPage />
  if (matchPath('/dang-nhap', path)) return <SignInPage />
  const survey = matchPath('/khao-sat/:token', path)
  if (survey?.token) return <SurveyAnswerPage token={survey.token} />
  if (matchPath('/ho-so-cua-toi', path)) return <MyDossiersPage />
  const mine = matchPath('/ho-so-cua-toi/:id', path)
  if (mine?.id) return <MyDossierPage id={mine.id} />
  if (path === '/can-bo' || path.startsWith('/can-bo/')) return <OfficeArea path={path} />
  return <NotFoundPage />
}

function Header() {
  const { t, lang, setLang } = useI18n()
  const { user, signOut } = useSession()
  const officer = user?.kind === 'officer'
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <Link className="brand" to="/">
          {t('app.name')}
        </Link>
        <button
          type="button"
          className="lang"
          lang={lang === 'vi' ? 'en' : 'vi'}
          aria-label={t('lang.switchLabel')}
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {t('lang.switch')}
        </button>
      </header>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <Link to="/">{t('nav.search')}</Link>
        <Link to="/tra-cuu">{t('nav.track')}</Link>
        <Link to="/xac-thuc">{t('nav.verify')}</Link>
        <Link to="/thong-ke">{t('nav.statistics')}</Link>
        <Link to="/phan-anh-kien-nghi">{t('nav.petition')}</Link>
        {user?.kind === 'citizen' && <Link to="/ho-so-cua-toi">{t('nav.myDossiers')}</Link>}
        {user?.kind === 'citizen' && <Link to="/phan-anh-kien-nghi/cua-toi">{t('nav.myPetitions')}</Link>}
        {officer && <Link to="/can-bo">{t('nav.office')}</Link>}
        {user ? (
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        ) : (
          <Link to="/dang-nhap">{t('nav.signIn')}</Link>
        )}
      </nav>
    </>
  )
}

export function App() {
  const { t } = useI18n()
  const { path } = useRouter()
  useFocusOnNavigation(path)
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Page path={path} />
        </Suspense>
      </main>
      <footer className="site-footer">
        <a href="/api/docs/">{t('footer.api')}</a>
      </footer>
    </>
  )
}
