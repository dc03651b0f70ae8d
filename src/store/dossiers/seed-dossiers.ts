import type { Db } from '../database.ts'

/** Status 1, mới đăng ký: an online submission waiting for the counter's check (rules.md §1). */
const submitted = 1
/** Channel 2: online (rules.md §1). */
const online = 2

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

export type SeedOptions = { readonly count: number; readonly now: Date; readonly random: () => number }

/**
 * Adds generated online submissions (status 1) over the last 30 days, each with its `submitted`
 * event. Applicants are invented and marked `generated`; receiving units are real: the commune
 * service centre for commune procedures, the provincial service centre otherwise.
 */
export async function seedDossiers(db: Db, options: SeedOptions): Promise<number> {
  const { random, now } = options
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const [procedures, communeCentres, province] = await Promise.all([
    db
      .selectFrom('procedure_versions')
      .select(['procedure_code', 'version', 'level', 'name'])
      .where('effective_to', 'is', null)
      .execute(),
    db.selectFrom('agencies').select('id').where('kind', '=', 'commune_service_center').execute(),
    db.selectFrom('provinces').select('code').executeTakeFirstOrThrow(),
  ])
  const provincialCentre = await db
    .selectFrom('agencies')
    .select('id')
    .where('kind', '=', 'provincial_service_center')
    .executeTakeFirstOrThrow()
  if (procedures.length === 0 || communeCentres.length === 0)
    throw new Error('load the catalogue before seeding dossiers')
  const batch = 500
  for (let done = 0; done < options.count; done += batch) {
    const rows = Array.from({ length: Math.min(batch, options.count - done) }, () => {
      const procedure = pick(procedures)
      const submittedAt = new Date(now.getTime() - Math.floor(random() * 30 * 24 * 3600_000))
      const name = `${pick(familyNames)} ${pick(middleNames)} ${pick(givenNames)}`
      return {
        id: crypto.randomUUID(),
        province_code: province.code,
        procedure_code: procedure.procedure_code,
        procedure_version: procedure.version,
        receiving_agency_id: procedure.level === 'commune' ? pick(communeCentres).id : provincialCentre.id,
        applicant: JSON.stringify({
          kind: 'citizen',
          name,
          identityNumber: `056${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
          phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
          generated: true,
        }),
        channel: online,
        status: submitted,
        submitted_at: submittedAt,
        version: 1,
      }
    })
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('dossiers').values(rows).execute()
      await tx
        .insertInto('dossier_events')
        .values(
          rows.map((r) => ({
            dossier_id: r.id,
            seq: 1,
            type: 'submitted',
            at: r.submitted_at,
            actor: JSON.stringify({ kind: 'applicant', generated: true }),
            payload: JSON.stringify({ channel: online, procedureCode: r.procedure_code }),
          })),
        )
        .execute()
    })
  }
  return options.count
}
