import { useI18n } from '../../i18n/messages.ts'
import type { Assessment } from './par-index-api.ts'

/**
 * Where a computed figure comes from. Satisfaction names the year's closed SIPAS periods and the
 * unit's answers pooled from them, or says why the criterion is not computable (rules.md
 * "Satisfaction in the PAR index").
 */
export function FigureSource({ figure, sources }: { figure: string; sources: Assessment['sources'] }) {
  const { t, tx } = useI18n()
  if (figure !== 'satisfaction') return <>{tx(`par.figureSource.${figure}`)}</>
  const s = sources.satisfaction
  if (s === null) return <>{t('par.figureSource.satisfactionUnrecorded')}</>
  if (s.periods.length === 0) return <>{t('par.figureSource.satisfactionNoPeriod')}</>
  const vars = { count: s.periods.length, periods: s.periods.map((p) => p.name).join('; '), answers: s.answers }
  return <>{t(s.answers === 0 ? 'par.figureSource.satisfactionNoAnswer' : 'par.figureSource.satisfaction', vars)}</>
}
