import { createHash } from 'node:crypto'
import { questionIds } from '../../src/domain/survey/questionnaire.ts'
import type { Db } from '../../src/store/database.ts'
import { writeFactsRows } from '../../src/store/kpi/facts-rows.ts'
import { insertPeriod, insertRespondents, recordAnswer } from '../../src/store/survey/survey-store.ts'
import { facts } from '../support/kpi-facts.ts'
import type { TestApp } from '../support/test-app.ts'

/** An answer sheet with every question at `level`. */
export const sheet = (level: number): Record<string, number> => Object.fromEntries(questionIds.map((id) => [id, level]))

/**
 * Dossiers finished in November 2026: 20 at xa-1 and 11 at xa-2; the first 4 of xa-1 rated
 * satisfied, the fifth not satisfied (indicator 5.4 beside the survey); `extraCodes`, motcua's own
 * received dossiers, finish in it too.
 */
export async function finishedInNovember(t: TestApp, extraCodes: readonly string[] = []): Promise<void> {
  const rows = Array.from({ length: 31 }, (_, i) =>
    facts(`SIPAS-${String(i).padStart(3, '0')}`, {
      received: '2026-11-02T08:00',
      end: { kind: 'done', at: '2026-11-10T09:00' },
      agencyId: i < 20 ? 'xa-1' : 'xa-2',
      rating: i < 4 ? 'satisfied' : i === 4 ? 'not_satisfied' : null,
    }),
  )
  await writeFactsRows(t.database.db, rows)
  // motcua's own dossiers already have their facts (from reception): they finish on 12 November.
  for (const code of extraCodes)
    await t.database.db
      .updateTable('kpi_dossiers')
      .set({ end_kind: 'done', ended_at: new Date('2026-11-12T02:00:00Z') })
      .where('code', '=', code)
      .execute()
}

/**
 * A survey period of one agency, stored as the survey module stores it, whose sampled respondents
 * answered (on paper) with every question at these levels; it stays open until the test closes it.
 */
export async function answeredPeriod(
  db: Db,
  p: { id: string; name: string; fromDay: string; toDay: string; agencyId: string; enteredBy: string },
  levels: readonly number[],
): Promise<void> {
  const n = levels.length
  await insertPeriod(
    db,
    {
      ...p,
      marginBasisPoints: 500,
      seed: p.name,
      population: n,
      sampleSize: n,
      strata: [{ agencyId: p.agencyId, population: n, sampled: n }],
      status: 'open',
      createdAt: new Date(`${p.fromDay}T00:00:00Z`),
    },
    p.enteredBy,
  )
  const codes = levels.map((_, i) => `${p.name}-${i}`)
  await insertRespondents(
    db,
    codes.map((dossierCode) => ({
      periodId: p.id,
      dossierCode,
      agencyId: p.agencyId,
      tokenSha256: createHash('sha256').update(`${p.id}/${dossierCode}`).digest('hex'),
    })),
  )
  for (const [i, level] of levels.entries())
    await recordAnswer(db, {
      periodId: p.id,
      dossierCode: codes[i] as string,
      answers: sheet(level),
      suggestion: null,
      channel: 'paper',
      enteredBy: p.enteredBy,
      at: new Date(`${p.toDay}T03:00:00Z`),
    })
}
