import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import type { DocumentIndicators } from './views.ts'

/** Per agency, documents sent electronically and otherwise, stacked; loaded on demand (recharts). */
export default function DocumentChart({ agencies }: { agencies: DocumentIndicators['agencies'] }) {
  const { t } = useI18n()
  const f = useFormats()
  const data = agencies.map((a) => ({
    agency: a.agencyName,
    electronic: a.sentElectronically,
    otherwise: a.sentOtherwise,
  }))
  return (
    <ResponsiveContainer width="100%" height={320}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#d9d9d9" vertical={false} />
        <XAxis dataKey="agency" tick={{ fill: '#333' }} />
        <YAxis allowDecimals={false} tick={{ fill: '#333' }} tickFormatter={f.count} />
        <Tooltip formatter={(value) => f.count(Number(value))} />
        <Legend />
        <Bar dataKey="electronic" stackId="sent" name={t('ind.docs.sentElectronically')} fill="#1f5fbf" />
        <Bar dataKey="otherwise" stackId="sent" name={t('ind.docs.sentOtherwise')} fill="#a3161a" />
      </BarChart>
    </ResponsiveContainer>
  )
}
