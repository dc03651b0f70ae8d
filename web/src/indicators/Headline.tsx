import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import type { Summary } from './views.ts'

/** The headline tiles: reception, resolution, what is open and overdue, and the service index. */
export function Headline({ summary }: { summary: Summary }) {
  const { t } = useI18n()
  const f = useFormats()
  const { figures } = summary
  const tiles: [string, string, string?][] = [
    [t('ind.tile.received'), f.count(figures.received)],
    [
      t('ind.tile.online'),
      f.ratio(summary.onlineRate),
      t('ind.tile.onlineCount', { count: f.count(figures.receivedOnline) }),
    ],
    [t('ind.tile.resolved'), f.count(figures.resolved)],
    [t('ind.tile.onTime'), f.ratio(summary.onTimeRate)],
    [t('ind.tile.inProgress'), f.count(figures.inProgress)],
    [t('ind.tile.overdue'), f.count(figures.inProgressOverdue)],
    [t('ind.tile.index766'), t('ind.outOf100', { points: f.points(summary.index766.total) })],
  ]
  return (
    <dl className="tiles">
      {tiles.map(([label, value, note]) => (
        <div key={label} className="tile">
          <dt>{label}</dt>
          <dd className="tile-value">{value}</dd>
          {note && <dd className="meta">{note}</dd>}
        </div>
      ))}
    </dl>
  )
}
