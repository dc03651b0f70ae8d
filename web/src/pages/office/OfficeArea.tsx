import { useI18n } from '../../i18n/messages.ts'
import { matchPath } from '../../router.tsx'
import { useSession } from '../../session.tsx'
import { NotFoundPage } from '../NotFoundPage.tsx'
import { DossierPage } from './DossierPage.tsx'
import { QueuePage } from './QueuePage.tsx'

/** The officers' area, loaded on demand (its own chunk). */
export default function OfficeArea({ path }: { path: string }) {
  const { t } = useI18n()
  const { user } = useSession()
  if (user === undefined) return <p role="status">{t('common.loading')}</p>
  if (user?.kind !== 'officer') return <p>{t('office.signIn')}</p>
  if (matchPath('/can-bo', path)) return <QueuePage grants={user.grants} />
  const dossier = matchPath('/can-bo/ho-so/:ref', path)
  if (dossier?.ref) return <DossierPage dossierRef={dossier.ref} />
  return <NotFoundPage />
}
