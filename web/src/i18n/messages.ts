import {
  createContext,
  createElement,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react'
import en from './en.json'
import type { MessageKey } from './message-key.ts'
import vi from './vi.json'

export type Lang = 'vi' | 'en'
export type { MessageKey }

type Vars = Record<string, string | number>

const catalogues: Record<Lang, Record<string, string>> = { vi, en }

/** Look a message up and fill its `{name}` placeholders; an unknown key shows itself, so a gap is visible. */
export function translate(lang: Lang, key: string, vars: Vars = {}): string {
  const text = catalogues[lang][key] ?? key
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''))
}

type I18n = {
  lang: Lang
  setLang: (lang: Lang) => void
  t: (key: MessageKey, vars?: Vars) => string
  /** For keys built from data (`status.${code}`), which the type cannot check. */
  tx: (key: string, vars?: Vars) => string
  formatInstant: (iso: string | null) => string
}

const I18nContext = createContext<I18n | null>(null)

function initialLang(): Lang {
  return localStorage.getItem('lang') === 'en' ? 'en' : 'vi'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = translate(lang, 'app.title')
  }, [lang])
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem('lang', next)
    setLangState(next)
  }, [])
  const value = useMemo<I18n>(() => {
    const dates = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Asia/Ho_Chi_Minh',
    })
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      tx: (key, vars) => translate(lang, key, vars),
      formatInstant: (iso) => (iso === null ? translate(lang, 'common.none') : dates.format(new Date(iso))),
    }
  }, [lang, setLang])
  return createElement(I18nContext.Provider, { value }, children)
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}
