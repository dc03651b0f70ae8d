import { workingCalendar } from '../calendar/working-calendar.ts'
import { buildWorkingDays } from '../calendar/working-days.ts'
import { foldPetition, type Petition, type PetitionEvent } from './petition.ts'

/** Weekends and the statutory holidays by the default rule, default office hours (tests only). */
export const calendar = workingCalendar(buildWorkingDays([], undefined, { from: 2026, to: 2027 }))

/** A petition received at `at` (ISO, +07:00) by the service centre, then `later` events. */
export function petitionOf(at: string, ...later: PetitionEvent[]): Petition {
  const received: PetitionEvent = {
    type: 'received',
    at: new Date(at).toISOString(),
    code: 'PAKN.20261127.0001',
    channel: 'portal',
    receivingAgencyId: 'ttpvhcc-22333',
    category: 'conduct',
    title: 'Chậm trả kết quả',
    content: 'Hồ sơ của tôi quá hạn mà chưa có kết quả.',
    petitioner: { name: 'Nguyễn Văn An', phone: '0905000111', email: null, address: null },
    ownerUserId: 'citizen-1',
    consentToPublish: false,
    dossierCode: null,
  }
  const p = foldPetition([received, ...later])
  if (p === null) throw new Error('unreachable')
  return p
}

export const iso = (local: string) => new Date(local).toISOString()
