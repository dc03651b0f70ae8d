import { useI18n } from '../../i18n/messages.ts'

const marks: Record<string, string> = { late: '⚠', due_soon: '⏳', on_track: '✓' }

/** Urgency as a symbol, a word and a colour, so colour is never the only signal. */
export function Urgency({ value }: { value: string }) {
  const { tx } = useI18n()
  return (
    <span className={`urgency urgency-${value}`}>
      <span aria-hidden="true">{marks[value] ?? ''} </span>
      {tx(`urgency.${value}`)}
    </span>
  )
}
