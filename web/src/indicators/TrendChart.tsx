import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import type { TrendPoint } from './views.ts'

/** Received and resolved per month as bars, the on-time rate as a line; loaded on demand (recharts). */
export default function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const { t } = useI18n()
  const f = useFormats()
  const data = trend.map((p) => ({
    month: f.month(p.month),
    received: p.received,
    resolved: p.resolved,
    rate: p.onTimeResolvedRate === 'n/a' ? null : p.onTimeResolvedRate,
  }))
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ComposedChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#d9d9d9" vertical={false} />
        <XAxis dataKey="month" tick={{ fill: '#333' }} />
        <YAxis yAxisId="count" allowDecimals={false} tick={{ fill: '#333' }} tickFormatter={f.count} />
        <YAxis
          yAxisId="rate"
          orientation="right"
          domain={[0, 1]}
          tick={{ fill: '#333' }}
          tickFormatter={(v: number) => f.ratio(v)}
        />
        <Tooltip
          formatter={(value, name) => (name === t('ind.trend.rate') ? f.ratio(Number(value)) : f.count(Number(value)))}
        />
        <Legend />
        <Bar yAxisId="count" dataKey="received" name={t('ind.trend.received')} fill="#1f5fbf" />
        <Bar yAxisId="count" dataKey="resolved" name={t('ind.trend.resolved')} fill="#a3161a" />
        <Line
          yAxisId="rate"
          dataKey="rate"
          name={t('ind.trend.rate')}
          stroke="#1d6b2f"
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}
