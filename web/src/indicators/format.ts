import { useMemo } from 'react'
import { useI18n } from '../i18n/messages.ts'
import type { Ratio } from './views.ts'

export type Formats = {
  count: (n: number) => string
  ratio: (r: Ratio) => string
  points: (n: number) => string
  /** YYYY-MM-DD as 14/12/2026. */
  day: (iso: string) => string
  /** YYYY-MM as 12/2026. */
  month: (yyyyMm: string) => string
}

/** Numbers as the reader's language writes them: 1.234 and 97,5% in Vietnamese. */
export function useFormats(): Formats {
  const { t, lang } = useI18n()
  return useMemo(() => {
    const locale = lang === 'vi' ? 'vi-VN' : 'en-GB'
    const count = new Intl.NumberFormat(locale)
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
    return {
      count: (n) => count.format(n),
      ratio: (r) => (r === 'n/a' ? t('ind.na') : percent.format(r)),
      points: (n) => decimal.format(n),
      day: (iso) => iso.split('-').reverse().join('/'),
      month: (yyyyMm) => yyyyMm.split('-').reverse().join('/'),
    }
  }, [lang, t])
}
