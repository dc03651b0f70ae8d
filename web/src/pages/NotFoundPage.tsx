import { useI18n } from '../i18n/messages.ts'
import { Link } from '../router.tsx'

export function NotFoundPage() {
  const { t } = useI18n()
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </>
  )
}
