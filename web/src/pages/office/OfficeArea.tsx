import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/messages.ts'
import { Link, matchPath, useRouter } from '../../router.tsx'
import { useSession } from '../../session.tsx'
import { DocumentInboxPage } from '../documents/DocumentInboxPage.tsx'
import { DocumentPage } from '../documents/DocumentPage.tsx'
import { DraftDocumentPage } from '../documents/DraftDocumentPage.tsx'
import { RegisterPage } from '../documents/RegisterPage.tsx'
import { NotFoundPage } from '../NotFoundPage.tsx'
import { ParAssessmentPage } from '../par-index/ParAssessmentPage.tsx'
import { ParRankingPage } from '../par-index/ParRankingPage.tsx'
import { ParRoundPage } from '../par-index/ParRoundPage.tsx'
import { ParRoundsPage } from '../par-index/ParRoundsPage.tsx'
import { ProgrammeDashboardPage } from '../programme/ProgrammeDashboardPage.tsx'
import { TaskBoardPage } from '../programme/TaskBoardPage.tsx'
import { SurveyPeriodPage } from '../survey/SurveyPeriodPage.tsx'
import { SurveyPeriodsPage } from '../survey/SurveyPeriodsPage.tsx'
import { CalendarPage } from './CalendarPage.tsx'
import { CatalogueChangesPage } from './CatalogueChangesPage.tsx'
import { CataloguePage } from './CataloguePage.tsx'
import { DeadLettersPage } from './DeadLettersPage.tsx'
import { DossierPage } from './DossierPage.tsx'
import { AgencyPage } from './indicators/AgencyPage.tsx'
import { readsIndicators } from './indicators/access.ts'
import { DossierListPage } from './indicators/DossierListPage.tsx'
import { Ii06aPage } from './indicators/Ii06aPage.tsx'
import { IndicatorsPage } from './indicators/IndicatorsPage.tsx'
import { ProcedureTimePage } from './indicators/ProcedureTimePage.tsx'
import { TimeReductionPage } from './indicators/TimeReductionPage.tsx'
import { PetitionAnswerPage } from './PetitionAnswerPage.tsx'
import { PetitionQueuePage } from './PetitionQueuePage.tsx'
import { QueuePage } from './QueuePage.tsx'
import { ReconciliationPage } from './ReconciliationPage.tsx'
import { WalkInPage } from './WalkInPage.tsx'

/** The officers' area, loaded on demand (its own chunk). */
export default function OfficeArea({ path }: { path: string }) {
  const { t } = useI18n()
  const { user } = useSession()
  const { search } = useRouter()
  if (user === undefined) return <p role="status">{t('common.loading')}</p>
  if (user?.kind !== 'officer') return <p>{t('office.signIn')}</p>
  const counter = user.grants.some((g) => g.role === 'counter_officer')
  const admin = user.grants.some((g) => g.role === 'provincial_admin')
  const indicators = readsIndicators(user.grants)
  const documents = user.grants.some((g) => ['specialist', 'leader', 'clerk'].includes(g.role))
  const programme = user.grants.some((g) =>
    ['specialist', 'leader', 'agency_admin', 'provincial_admin', 'monitor'].includes(g.role),
  )
  const nav = (
    <nav className="office-nav" aria-label={t('office.nav')}>
      <Link to="/can-bo">{t('office.title')}</Link>
      {counter && (
        <>
          {' · '}
          <Link to="/can-bo/tiep-nhan">{t('office.walkIn')}</Link>
        </>
      )}
      {' · '}
      <Link to="/can-bo/phan-anh-kien-nghi">{t('petition.queue.title')}</Link>
      {documents && (
        <>
          {' · '}
          <Link to="/can-bo/van-ban">{t('doc.nav')}</Link>
        </>
      )}
      {programme && (
        <>
          {' · '}
          <Link to="/can-bo/chuong-trinh-cchc">{t('prog.nav')}</Link>
          {' · '}
          <Link to="/can-bo/chi-so-cchc">{t('par.nav')}</Link>
        </>
      )}
      {' · '}
      <Link to="/can-bo/thu-tuc">{t('office.catalogue')}</Link>
      {admin && (
        <>
          {' · '}
          <Link to="/can-bo/lich">{t('office.calendar')}</Link>
          {' · '}
          <Link to="/can-bo/tin-that-bai">{t('office.deadLetters')}</Link>
          {' · '}
          <Link to="/can-bo/doi-soat-cong-dvcqg">{t('office.reconcile')}</Link>
          {' · '}
          <Link to="/can-bo/dong-bo-danh-muc">{t('office.catalogueSync')}</Link>
        </>
      )}
      {indicators && (
        <>
          {' · '}
          <Link to="/can-bo/chi-so">{t('office.indicators')}</Link>
          {' · '}
          <Link to="/can-bo/bao-cao-ii06a">{t('office.ii06a')}</Link>
          {' · '}
          <Link to="/can-bo/rut-ngan-thoi-gian">{t('office.timeReduction')}</Link>
          {' · '}
          <Link to="/can-bo/khao-sat">{t('office.surveys')}</Link>
        </>
      )}
    </nav>
  )
  let page: ReactNode
  const dossier = matchPath('/can-bo/ho-so/:ref', path)
  const agency = matchPath('/can-bo/chi-so/co-quan/:agencyId', path)
  const agencyDossiers = matchPath('/can-bo/chi-so/co-quan/:agencyId/ho-so', path)
  const procedureTime = matchPath('/can-bo/rut-ngan-thoi-gian/:procedureCode', path)
  const petition = matchPath('/can-bo/phan-anh-kien-nghi/:code', path)
  const notIndicators = <p>{t('ind.office.notAllowed')}</p>
  const document = matchPath('/can-bo/van-ban/:id', path)
  const register = matchPath('/can-bo/so-van-ban/:register', path)
  const surveyPeriod = matchPath('/can-bo/khao-sat/:id', path)
  const notDocuments = <p>{t('doc.notStaff')}</p>
  const notProgramme = <p>{t('prog.notAllowed')}</p>
  const parRound = matchPath('/can-bo/chi-so-cchc/:id', path)
  const parRanking = matchPath('/can-bo/chi-so-cchc/:id/xep-hang', path)
  const parUnit = matchPath('/can-bo/chi-so-cchc/:id/don-vi/:unitId', path)
  if (matchPath('/can-bo', path)) page = <QueuePage grants={user.grants} />
  else if (matchPath('/can-bo/tiep-nhan', path)) page = <WalkInPage grants={user.grants} />
  else if (matchPath('/can-bo/phan-anh-kien-nghi', path)) page = <PetitionQueuePage />
  else if (petition?.code) page = <PetitionAnswerPage key={petition.code} code={petition.code} />
  else if (matchPath('/can-bo/van-ban', path))
    page = documents ? <DocumentInboxPage drafts={user.grants.some((g) => g.role === 'specialist')} /> : notDocuments
  else if (matchPath('/can-bo/van-ban/soan-thao', path))
    page = documents ? <DraftDocumentPage grants={user.grants} /> : notDocuments
  else if (document?.id) page = documents ? <DocumentPage key={document.id} id={document.id} /> : notDocuments
  else if (register?.register === 'outgoing' || register?.register === 'incoming')
    page = documents ? (
      <RegisterPage key={register.register} register={register.register} grants={user.grants} />
    ) : (
      notDocuments
    )
  else if (matchPath('/can-bo/chuong-trinh-cchc', path))
    page = programme ? <ProgrammeDashboardPage thisYear={new Date().getFullYear()} /> : notProgramme
  else if (matchPath('/can-bo/chuong-trinh-cchc/nhiem-vu', path))
    page = programme ? (
      <TaskBoardPage
        year={Number(search.get('year') ?? new Date().getFullYear())}
        agencyId={search.get('agencyId') ?? undefined}
      />
    ) : (
      notProgramme
    )
  else if (matchPath('/can-bo/chi-so-cchc', path))
    page = <ParRoundsPage grants={user.grants} thisYear={new Date().getFullYear()} />
  else if (parRound?.id) page = <ParRoundPage key={parRound.id} id={parRound.id} grants={user.grants} />
  else if (parRanking?.id) page = <ParRankingPage key={parRanking.id} id={parRanking.id} />
  else if (parUnit?.id && parUnit.unitId)
    page = <ParAssessmentPage key={`${parUnit.id}/${parUnit.unitId}`} id={parUnit.id} unitId={parUnit.unitId} />
  else if (matchPath('/can-bo/thu-tuc', path)) page = <CataloguePage />
  else if (matchPath('/can-bo/lich', path)) page = admin ? <CalendarPage /> : <p>{t('calendar.notAdmin')}</p>
  else if (matchPath('/can-bo/tin-that-bai', path))
    page = admin ? <DeadLettersPage /> : <p>{t('deadLetters.notAdmin')}</p>
  else if (matchPath('/can-bo/doi-soat-cong-dvcqg', path))
    page = admin ? <ReconciliationPage /> : <p>{t('reconcile.notAdmin')}</p>
  else if (matchPath('/can-bo/dong-bo-danh-muc', path))
    page = admin ? <CatalogueChangesPage /> : <p>{t('catalogueSync.notAdmin')}</p>
  else if (dossier?.ref) page = <DossierPage dossierRef={dossier.ref} />
  else if (matchPath('/can-bo/chi-so', path)) page = indicators ? <IndicatorsPage /> : notIndicators
  else if (agency?.agencyId) page = indicators ? <AgencyPage agencyId={agency.agencyId} /> : notIndicators
  else if (agencyDossiers?.agencyId)
    page = indicators ? <DossierListPage agencyId={agencyDossiers.agencyId} /> : notIndicators
  else if (matchPath('/can-bo/bao-cao-ii06a', path)) page = indicators ? <Ii06aPage /> : notIndicators
  else if (matchPath('/can-bo/khao-sat', path))
    page = indicators ? <SurveyPeriodsPage canOpen={admin} /> : <p>{t('survey.notAllowed')}</p>
  else if (surveyPeriod?.id)
    page = indicators ? (
      <SurveyPeriodPage key={surveyPeriod.id} id={surveyPeriod.id} canManage={admin} />
    ) : (
      notIndicators
    )
  else if (matchPath('/can-bo/rut-ngan-thoi-gian', path)) page = indicators ? <TimeReductionPage /> : notIndicators
  else if (procedureTime?.procedureCode)
    page = indicators ? (
      <ProcedureTimePage key={procedureTime.procedureCode} procedureCode={procedureTime.procedureCode} />
    ) : (
      notIndicators
    )
  else page = <NotFoundPage />
  return (
    <>
      {nav}
      {page}
    </>
  )
}
