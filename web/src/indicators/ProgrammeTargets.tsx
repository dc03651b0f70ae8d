import { useI18n } from '../i18n/messages.ts'
import { useFormats } from './format.ts'
import type { Measure } from './views.ts'

const verdict = (met: boolean | null) => (met === null ? 'none' : met ? 'met' : 'unmet')

/** Chỉ tiêu chương trình: each measure against the target in force at the period's end. */
export function ProgrammeTargets({ measures }: { measures: Measure[] }) {
  const { t, tx } = useI18n()
  const f = useFormats()
  return (
    <ul className="targets">
      {measures.map((m) => (
        <li key={m.measure}>
          <span className="target-name">{tx(`ind.measure.${m.measure}`)}</span> {f.ratio(m.value)}
          {' — '}
          {m.target
            ? tx(`ind.target.${m.target.comparator}`, { value: f.ratio(m.target.value) })
            : t('ind.target.none')}
          {m.target && (
            <>
              {' — '}
              <span className={`badge badge-${verdict(m.met)}`}>{tx(`ind.verdict.${verdict(m.met)}`)}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}
