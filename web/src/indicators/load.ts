import { useQuery } from '@tanstack/react-query'
import { client, errorText, ok } from '../api/client.ts'
import { useI18n } from '../i18n/messages.ts'

export type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; data: T }

/**
 * GETs `url` (a path with its query string; null: nothing to load yet) through the query cache, so a
 * figure is fetched once, refetched on focus, and a stale answer never overwrites a newer one. `T`
 * is the generated answer type of that path (views.ts).
 */
export function useLoad<T>(url: string | null): Load<T> {
  const { t, lang } = useI18n()
  const query = useQuery({
    queryKey: ['get', url],
    // The path arrives with its query string already built (periodQuery), which the typed client's
    // path parameter does not model; the answer type comes from views.ts.
    queryFn: () => ok(client.GET(url as never)) as Promise<T>,
    enabled: url !== null,
  })
  if (query.data !== undefined) return { state: 'done', data: query.data }
  if (query.isError) return { state: 'error', message: errorText(query.error, lang, t('common.networkError')) }
  return { state: 'loading' }
}
