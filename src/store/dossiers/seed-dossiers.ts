import { randomUUID } from 'node:crypto'
import { dayOf, instantAt, localDate } from '../../domain/calendar/local-time.ts'
import type { FormDefinition } from '../../domain/declarations/form-definition.ts'
import { type Actor, Role } from '../../domain/dossier/actor.ts'
import type { Applicant } from '../../domain/dossier/events.ts'
import type { WorkingDaysSource } from '../calendar/working-days-cache.ts'
import { procedureForm } from '../catalog/procedure-forms.ts'
import type { Db } from '../database.ts'
import { dossierCommands, type Outcome } from './dossier-commands.ts'
import { seedDeclaration } from './seed-declaration.ts'

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ', 'Ngô']
const middleNames = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Hữu', 'Thu', 'Đức', 'Bảo']
const givenNames = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Khánh',
  'Lan',
  'Linh',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Yến',
]

/** A small seeded generator (mulberry32): the same seed gives the same demo dossiers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export type SeedOptions = {
  readonly count: number
  readonly now: Date
  readonly random: () => number
  readonly workingDays: WorkingDaysSource
}

const officer = (role: Role, agencyId: string, label: string): Actor => ({
  id: `${role}@${agencyId}`,
  name: `${label} (${agencyId})`,
  role,
  agencyId,
})

/**
 * Adds `count` generated dossiers, each driven through the lifecycle engine from a submission in the
 * last 60 days to a random stage (submitted, received, in appraisal, waiting for a supplement, done,
 * returned and rated, withdrawn, refused), so their events, codes, deadlines, hash chains and counters
 * are real. Applicants and officers are invented and marked as generated; each declares its form's
 * example in the applicant's name.
 */
export async function seedDossiers(db: Db, options: SeedOptions): Promise<number> {
  const { random, now } = options
  const engine = dossierCommands(db, options.workingDays)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const procedures = await db
    .selectFrom('procedure_versions')
    .select(['procedure_code', 'version', 'level', 'competent_agency_id', 'time_limit'])
    .where('effective_to', 'is', null)
    .where('level', 'in', ['commune', 'province'])
    .execute()
  const communeCentres = await db
    .selectFrom('agencies')
    .select(['id', 'parent_id'])
    .where('kind', '=', 'commune_service_center')
    .execute()
  if (procedures.length === 0 || communeCentres.length === 0)
    throw new Error('load the catalogue before seeding dossiers')
  // Each procedure's form is read once per run, not once per dossier.
  const forms = new Map<string, Promise<FormDefinition | null>>()
  const formOf = (code: string, version: number) => {
    const key = `${code}@${version}`
    const read = forms.get(key) ?? procedureForm(db, code, version)
    forms.set(key, read)
    return read
  }
  let added = 0
  for (let i = 0; i < options.count; i++) {
    const procedure = pick(procedures)
    const centre = procedure.level === 'commune' ? pick(communeCentres) : { id: 'ttpvhcc-tinh', parent_id: null }
    const processing = procedure.competent_agency_id ?? centre.parent_id ?? 'ubnd-tinh'
    const counter = officer(Role.CounterOfficer, centre.id, 'Cán bộ một cửa')
    const specialist = officer(Role.Specialist, processing, 'Chuyên viên')
    const leader = officer(Role.Leader, processing, 'Lãnh đạo')
    const clerk = officer(Role.Clerk, processing, 'Văn thư')
    const person: Applicant = {
      id: `seed-${randomUUID()}`,
      kind: 'citizen',
      name: `${pick(familyNames)} ${pick(middleNames)} ${pick(givenNames)}`,
      identityNumber: `056${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
      phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      email: null,
      address: null,
      vneid: random() < 0.6,
    }
    const applicantActor: Actor = { id: person.id, name: person.name, role: Role.Applicant, agencyId: null }
    // Office-hours instants on successive days from a start in the last 60 days.
    const startDay = dayOf(now.getTime()) - 1 - Math.floor(random() * 60)
    let clock = instantAt(startDay, 7 * 60 + Math.floor(random() * 540))
    const later = (hours: number) => {
      clock = Math.min(clock + hours * 3_600_000 * (0.5 + random()), now.getTime() - 60_000)
      return new Date(clock)
    }
    const online = random() < 0.6
    const form = await formOf(procedure.procedure_code, procedure.version)
    const declaration = form ? seedDeclaration(form, person.name, localDate(new Date(clock))) : undefined
    const base = {
      applicant: person,
      procedure: { code: procedure.procedure_code, version: procedure.version },
      receivingAgencyId: centre.id,
      components: [{ name: 'Tờ khai', fileRef: null, digitized: false }],
      ...(declaration ? { declaration } : {}),
    }
    const first: Outcome = online
      ? await engine.create(
          { action: 'submit', actor: applicantActor, channel: 2, ...base },
          { idempotencyKey: randomUUID(), now: new Date(clock) },
        )
      : await engine.create(
          { action: 'receive-at-counter', actor: counter, channel: 1, ...base },
          { idempotencyKey: randomUUID(), now: new Date(clock) },
        )
    if (!first.ok) continue
    added++
    let version = first.version
    const step = async (hours: number, command: Parameters<typeof engine.run>[1]) => {
      const outcome = await engine.run(first.dossierId, command, version, {
        idempotencyKey: randomUUID(),
        now: later(hours),
      })
      if (outcome.ok) version = outcome.version
      return outcome.ok
    }
    const stage = random()
    if (online && stage < 0.12) continue
    if (online && stage < 0.15) {
      await step(3, {
        action: 'reject-reception',
        actor: counter,
        reason: 'Hồ sơ không thuộc thẩm quyền',
        legalBasis: 'Nghị định 118/2025/NĐ-CP',
      })
      continue
    }
    if (online && !(await step(3, { action: 'receive', actor: counter }))) continue
    if (stage < 0.22 || !(await step(2, { action: 'transfer', actor: counter }))) continue
    if (!(await step(4, { action: 'assign', actor: leader, assigneeId: specialist.id, assigneeName: specialist.name })))
      continue
    if (stage < 0.3) {
      await step(6, {
        action: 'request-supplement',
        actor: specialist,
        items: ['Bản sao giấy tờ'],
        reason: 'Thiếu thành phần',
        exception: null,
      })
      continue
    }
    if (stage < 0.33) {
      // After reception the applicant asks to stop and the leader decides (Circular 03/2025, form 05).
      if (await step(6, { action: 'request-withdrawal', actor: applicantActor, reason: 'Không còn nhu cầu' }))
        await step(4, { action: 'decide-withdrawal', actor: leader, accepted: true, note: 'Đồng ý dừng theo đề nghị' })
      continue
    }
    if (stage < 0.45) continue
    if (!(await step(24, { action: 'appraise', actor: specialist, outcome: 'approve', note: 'Đủ điều kiện' }))) continue
    if (!(await step(8, { action: 'approve', actor: leader }))) continue
    if (!(await step(4, { action: 'issue', actor: clerk, resultNumber: `${i + 1}/KQ` }))) continue
    if (stage < 0.7) continue
    if (!(await step(8, { action: 'return-result', actor: counter, method: online ? 'online' : 'counter' }))) continue
    await step(2, {
      action: 'rate',
      actor: applicantActor,
      satisfaction: pick(['very_satisfied', 'satisfied', 'satisfied', 'not_satisfied'] as const),
      comment: '',
    })
  }
  return added
}
