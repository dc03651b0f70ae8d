import { createHash, randomUUID } from 'node:crypto'
import { drawSample } from '../../domain/survey/sample.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import { inTransaction } from '../../store/database.ts'
import {
  applicantContacts,
  enqueueInvitation,
  finishedDossiers,
  insertPeriod,
  insertRespondents,
  type SurveyPeriodRow,
} from '../../store/survey/survey-store.ts'
import type { SurveyDeps } from './survey-deps.ts'

export type OpenSurveyPeriod = {
  readonly name: string
  /** First local day, inclusive */
  readonly from: string
  /** Last local day, inclusive */
  readonly to: string
  readonly marginBasisPoints: number
  /** The seed to draw with; the shell's randomness when absent. Recorded, so the draw can be redone. */
  readonly seed: string | null
}

/** The outbox topic of one invitation to answer (SMS or e-mail with the link). */
export const surveyInvitationTopic = 'survey.invitation'

export type SurveyInvitation = {
  readonly periodId: string
  readonly dossierCode: string
  readonly phone: string | null
  readonly email: string | null
  readonly link: string
}

export const tokenSha256 = (token: string) => createHash('sha256').update(token).digest('hex')

/** Local day → the instant it begins in Vietnam (UTC+7). */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`)
export const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000)

/**
 * Mở kỳ khảo sát: reads the dossiers finished in the period, draws the sample from the seed, and in
 * one transaction writes the period, one row per sampled dossier with its token's hash, the audit
 * entry and one outbox invitation per sampled dossier with a contact (the relay sends it).
 */
export async function openSurveyPeriod(deps: SurveyDeps, command: OpenSurveyPeriod, actor: string) {
  const now = deps.now()
  const population = await finishedDossiers(deps.db, dayStart(command.from), dayAfter(command.to))
  const seed = command.seed ?? deps.randomToken()
  const sample = drawSample(population, command.marginBasisPoints, seed)
  const contacts = await applicantContacts(
    deps.db,
    sample.dossiers.map((d) => d.dossierCode),
  )
  const period: SurveyPeriodRow = {
    id: randomUUID(),
    name: command.name,
    fromDay: command.from,
    toDay: command.to,
    marginBasisPoints: command.marginBasisPoints,
    seed,
    population: sample.population,
    sampleSize: sample.size,
    strata: sample.strata,
    status: 'open',
    createdAt: now,
  }
  const links = sample.dossiers.map((d) => ({ ...d, token: deps.randomToken() }))
  await inTransaction(deps.db, async (tx) => {
    await insertPeriod(tx, period, actor)
    await insertRespondents(
      tx,
      links.map((l) => ({
        periodId: period.id,
        dossierCode: l.dossierCode,
        agencyId: l.agencyId,
        tokenSha256: tokenSha256(l.token),
      })),
    )
    for (const l of links) {
      const contact = contacts.get(l.dossierCode)
      if (!contact || (contact.phone === null && contact.email === null)) continue
      const invitation: SurveyInvitation = {
        periodId: period.id,
        dossierCode: l.dossierCode,
        phone: contact.phone,
        email: contact.email,
        link: `${deps.publicBaseUrl}/khao-sat/${l.token}`,
      }
      await enqueueInvitation(tx, surveyInvitationTopic, `survey:${period.id}:${l.dossierCode}`, invitation, now)
    }
    await appendAudit(tx, {
      at: now,
      actor,
      action: 'survey.opened',
      subject: `survey:${period.id}`,
      before: null,
      after: { ...period, sampled: sample.dossiers.map((d) => d.dossierCode) },
    })
  })
  return period
}
