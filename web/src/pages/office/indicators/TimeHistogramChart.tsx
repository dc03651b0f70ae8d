import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import type { TimeReduction } from '../../../indicators/views.ts'

/** Dossiers by the working day they were done in, past the configured limit in red; loaded on demand (recharts). */
export default function TimeHistogramChart({
  bars,
  limitDays,
}: {
  bars: TimeReduction['histogram']
  limitDays: number | null
}) {
  const { t } = useI18n()
  const f = useFormats()
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={bars} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#d9d9d9" vertical={false} />
        <XAxis dataKey="day" tick={{ fill: '#333' }} />
        <YAxis allowDecimals={false} tick={{ fill: '#333' }} tickFormatter={f.count} />
        <Tooltip
          labelFormatter={(day) => t('tr.hist.day', { day: String(day) })}
          formatter={(value) => f.count(Number(value))}
        />
        <Bar dataKey="count" name={t('tr.hist.count')} isAnimationActive={false}>
          {bars.map((b) => (
            <Cell key={b.day} fill={limitDays !== null && b.day > limitDays ? '#a3161a' : '#1f5fbf'} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}
