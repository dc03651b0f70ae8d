import type { TimeLimit } from '../api/types.ts'

/** The message key and values that describe a time limit ("15 ngày làm việc"). */
export function timeLimitMessage(limit: TimeLimit): [string, Record<string, number>] {
  return [`limit.${limit.unit}`, { value: 'value' in limit ? limit.value : 0 }]
}
