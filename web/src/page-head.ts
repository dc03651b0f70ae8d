import { useEffect } from 'react'
import { useI18n } from './i18n/messages.ts'

/**
 * The document's title and meta description for the page on screen (search engines and the browser
 * tab read them); index.html carries the home page's, for the first paint and for crawlers.
 */
export function usePageHead(title: string | null, description: string | null): void {
  const { t } = useI18n()
  const site = t('app.title')
  useEffect(() => {
    document.title = title ? `${title} — ${site}` : site
    if (description) document.querySelector('meta[name="description"]')?.setAttribute('content', description)
  }, [title, description, site])
}
