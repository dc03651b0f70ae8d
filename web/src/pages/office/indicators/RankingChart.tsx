import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import type { Ranking } from '../../../indicators/views.ts'

/** The top agencies' Decision 766 index as horizontal bars; loaded on demand (recharts). */
export default function RankingChart({ rows }: { rows: Ranking['rows'] }) {
  const { t } = useI18n()
  const f = useFormats()
  const data = rows.map((r) => ({ name: r.agencyName, index: r.index766.total }))
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 32 + 40)}>
      <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
        <CartesianGrid stroke="#d9d9d9" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} tick={{ fill: '#333' }} />
        <YAxis type="category" dataKey="name" width={240} tick={{ fill: '#333', fontSize: 12 }} interval={0} />
        <Tooltip formatter={(value) => f.points(Number(value))} />
        <Bar dataKey="index" name={t('ind.col.index766')} fill="#a3161a" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
}
