import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import type { TimeLimit } from '../../../indicators/views.ts'
import { timeLimitMessage } from '../../procedures.ts'

/** Working days ("2,5 ngày làm việc"), shares and limits as the time-reduction pages write them. */
export function useTimeFormats() {
  const { t, tx } = useI18n()
  const f = useFormats()
  return {
    days: (d: number | null) => (d === null ? t('ind.na') : t('tr.days', { days: f.points(d) })),
    share: (s: number | null) => f.ratio(s ?? 'n/a'),
    limit: (l: TimeLimit) => tx(...timeLimitMessage(l)),
    statutory: (l: TimeLimit | null) => (l === null ? t('tr.notCut') : tx(...timeLimitMessage(l))),
  }
}
