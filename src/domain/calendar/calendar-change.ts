import { Type } from 'typebox'
import { type DayNumber, isoDate, parseIsoDate } from './local-time.ts'
import type { WorkingDays } from './working-days.ts'

/** A day a calendar change turned from working to off or back, with what it was before. */
export type ChangedDay = { readonly date: string; readonly workingBefore: boolean }

export const ChangedDaySchema = Type.Object({
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The day, YYYY-MM-DD' }),
  workingBefore: Type.Boolean({ description: 'Whether it was a working day before the change' }),
})

/**
 * The days from `from` on whose working status differs between two builds of the calendar, in date
 * order: what a year decision or a holiday rule changed ahead. Days before `from` are history — the
 * time already counted on them stays counted (rules.md "Calendar changes").
 */
export function changedDays(before: WorkingDays, after: WorkingDays, from: DayNumber): ChangedDay[] {
  const start = Math.max(from, before.firstDay, after.firstDay)
  const end = Math.min(before.lastDay, after.lastDay)
  const changed: ChangedDay[] = []
  for (let day = start; day <= end; day++) {
    const was = before.working[day - before.firstDay] === 1
    if (was !== (after.working[day - after.firstDay] === 1)) changed.push({ date: isoDate(day), workingBefore: was })
  }
  return changed
}

const rebuilt = new WeakMap<readonly ChangedDay[], WeakMap<WorkingDays, WorkingDays>>()

/**
 * The working days as they were before a change: `after` with the changed days set back. Only the
 * arrays the clock reads are rebuilt (the exceptions' reasons stay those of `after`); memoized per
 * change and calendar, since every open dossier of a change asks for the same one.
 */
export function daysBeforeChange(after: WorkingDays, changed: readonly ChangedDay[]): WorkingDays {
  const known = rebuilt.get(changed)?.get(after)
  if (known) return known
  const working = Uint8Array.from(after.working)
  for (const { date, workingBefore } of changed) {
    const day = parseIsoDate(date)
    if (day === null || day < after.firstDay || day > after.lastDay) continue
    working[day - after.firstDay] = workingBefore ? 1 : 0
  }
  const length = working.length
  const workingBefore = new Int32Array(length + 1)
  for (let i = 0; i < length; i++) workingBefore[i + 1] = (workingBefore[i] as number) + (working[i] as number)
  const workingDays = new Int32Array(workingBefore[length] as number)
  for (let i = 0, k = 0; i < length; i++) if (working[i]) workingDays[k++] = after.firstDay + i
  const before: WorkingDays = { ...after, working, workingBefore, workingDays }
  const byCalendar = rebuilt.get(changed) ?? new WeakMap<WorkingDays, WorkingDays>()
  byCalendar.set(after, before)
  rebuilt.set(changed, byCalendar)
  return before
}

/** What a dossier's history and the applicant's notice name as the change, in Vietnamese. */
export const changeReason = {
  yearDecided: (year: number, number: string | null) =>
    `quyết định nghỉ lễ, tết năm ${year}${number ? ` (${number})` : ''}`,
  yearRemoved: (year: number) => `bỏ quyết định nghỉ lễ, tết năm ${year}, áp dụng quy tắc mặc định`,
  ruleAdded: (name: string, instrument: string) => `ngày nghỉ lễ mới: ${name} (${instrument})`,
  ruleRevised: (name: string, instrument: string) => `thay đổi ngày nghỉ lễ: ${name} (${instrument})`,
}
