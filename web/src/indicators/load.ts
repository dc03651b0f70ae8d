import { useEffect, useState } from 'react'
import { api, errorText } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'

export type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; data: T }

/** GETs `url` whenever it changes (null: nothing to load yet); a stale answer is dropped. */
export function useLoad<T>(url: string | null): Load<T> {
  const { t, lang } = useI18n()
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' })
  useEffect(() => {
    if (url === null) return
    let live = true
    setLoad({ state: 'loading' })
    api<T>(url).then(
      (data) => live && setLoad({ state: 'done', data }),
      (error: unknown) =>
        live && setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    return () => {
      live = false
    }
  }, [url, lang, t])
  return load
}
