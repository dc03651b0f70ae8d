import { localDate } from '../../domain/calendar/local-time.ts'
import type { UnitFigures } from '../../domain/par-index/scoring.ts'
import type { Db } from '../../store/database.ts'
import { agencyRanking } from '../../store/kpi/indicator-report.ts'

const share = (r: number | 'n/a') => (r === 'n/a' ? null : r)

/**
 * Each processing unit's figures for the year from the indicator counters (II.06a on-time share,
 * online share, the Decision 766 index); the year is measured up to today. The satisfaction survey's
 * index is not applicable until the survey module provides it (rules.md, PAR index).
 */
export async function figuresOfYear(db: Db, year: number, now: Date): Promise<Map<string, UnitFigures>> {
  const { rows } = await agencyRanking(db, { from: `${year}-01-01`, to: `${year}-12-31`, today: localDate(now) })
  return new Map(
    rows.map((r) => [
      r.agencyId,
      {
        'on-time-share': share(r.onTimeRate),
        'online-share': share(r.onlineRate),
        'index-766': r.index766.total,
        satisfaction: null,
      },
    ]),
  )
}
