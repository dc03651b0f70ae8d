import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useI18n } from '../../i18n/messages.ts'
import { formatPoints } from './par-index-api.ts'

/** The units' totals as horizontal bars, best first; loaded on demand (recharts). */
export default function ParRankingChart({ rows, max }: { rows: { name: string; total: number }[]; max: number }) {
  const { t, lang } = useI18n()
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 28 + 40)}>
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
        <CartesianGrid stroke="#d9d9d9" horizontal={false} />
        <XAxis type="number" domain={[0, max]} tick={{ fill: '#333' }} />
        <YAxis type="category" dataKey="name" width={260} tick={{ fill: '#333', fontSize: 12 }} interval={0} />
        <Tooltip formatter={(value) => formatPoints(Number(value), lang)} />
        <Bar dataKey="total" name={t('par.ranking.total')} fill="#a3161a" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
}
