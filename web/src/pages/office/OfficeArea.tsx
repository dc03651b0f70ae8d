import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/messages.ts'
import { Link, matchPath } from '../../router.tsx'
import { useSession } from '../../session.tsx'
import { NotFoundPage } from '../NotFoundPage.tsx'
import { CalendarPage } from './CalendarPage.tsx'
import { CataloguePage } from './CataloguePage.tsx'
import { DossierPage } from './DossierPage.tsx'
import { QueuePage } from './QueuePage.tsx'
import { WalkInPage } from './WalkInPage.tsx'

/** The officers' area, loaded on demand (its own chunk). */
export default function OfficeArea({ path }: { path: string }) {
  const { t } = useI18n()
  const { user } = useSession()
  if (user === undefined) return <p role="status">{t('common.loading')}</p>
  if (user?.kind !== 'officer') return <p>{t('office.signIn')}</p>
  const counter = user.grants.some((g) => g.role === 'counter_officer')
  const admin = user.grants.some((g) => g.role === 'provincial_admin')
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
      <Link to="/can-bo/thu-tuc">{t('office.catalogue')}</Link>
      {admin && (
        <>
          {' · '}
          <Link to="/can-bo/lich">{t('office.calendar')}</Link>
        </>
      )}
    </nav>
  )
  let page: ReactNode
  const dossier = matchPath('/can-bo/ho-so/:ref', path)
  if (matchPath('/can-bo', path)) page = <QueuePage grants={user.grants} />
  else if (matchPath('/can-bo/tiep-nhan', path)) page = <WalkInPage grants={user.grants} />
  else if (matchPath('/can-bo/thu-tuc', path)) page = <CataloguePage />
  else if (matchPath('/can-bo/lich', path)) page = admin ? <CalendarPage /> : <p>{t('calendar.notAdmin')}</p>
  else if (dossier?.ref) page = <DossierPage dossierRef={dossier.ref} />
  else page = <NotFoundPage />
  return (
    <>
      {nav}
      {page}
    </>
  )
}
