import { createHash } from 'node:crypto'
import { renderResultDocument, resultDocumentOf } from '../../adapters/pdf/result-document.ts'
import { signPdf } from '../../adapters/signing/sign-pdf.ts'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import { dateOfDay, dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import { Role } from '../../domain/dossier/actor.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { procedureForm } from '../../store/catalog/procedure-forms.ts'
import type { Db } from '../../store/database.ts'
import { placeNames } from '../../store/declarations/place-names.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { isAccount } from '../../store/identity/users.ts'
import { agencyNameInForce, lockDossierState, procedureNames } from '../../store/results/result-queries.ts'
import { linkSignedDocument, signedCopyOf } from '../../store/results/signed-document.ts'
import { agencySigner } from '../signing/agency-signer.ts'
import { approvingLeader, isDecision, issueResultDecision } from './result-decision.ts'

export const resultComponent = 'Kết quả giải quyết'

/** motcua itself signs and records the e-result (the `record-electronic-result` guard allows only the system). */
const signer = { id: 'motcua', name: 'motcua', role: Role.System, agencyId: null }

export type ResultIssuers = {
  readonly db: Db
  readonly storage: FileStorage
  readonly engine: ReturnType<typeof dossierCommands>
}

/**
 * Kết quả điện tử: once the clerk has issued the result, renders it, signs it with the processing
 * agency's certificate, stores it, links it to the dossier, records it for /verify, puts it in the
 * applicant's vault and appends `electronic-result-issued` to the dossier's log — the link and the
 * event in one transaction under the dossier's row lock, behind a unique key, so two issuers racing
 * (the HTTP handler and the relay's safety net) leave one signed PDF and one event.
 * Returns the SHA-256 of the signed PDF, or null when the dossier has no issued result.
 */
export async function issueElectronicResult(deps: ResultIssuers, dossierId: string, now: Date): Promise<string | null> {
  const found = await loadDossier(deps.db, dossierId)
  const d = found?.state
  if (!found || !d?.result || d.processingAgencyId === null || d.code === null) return null
  if (d.electronicResult) return d.electronicResult.sha256
  const issued = { agencyId: d.processingAgencyId, code: d.code, result: d.result }
  // Signed before the e-result was an event: record the event for that copy, sign nothing new.
  const earlier = await signedCopyOf(deps.db, found.id, resultComponent)
  const fileName = `ket-qua-${d.code}.pdf`
  // A decision is numbered in the agency's register, so it is rendered and signed under the lock. Only
  // a leader with a motcua account can sign it: one approved in an earlier system (history import, the
  // demo seed) keeps the agency's seal-only e-result (rules.md "Apology and result decision as documents").
  const resultName = (await procedureNames(deps.db, d.procedure)).result_name
  const leader = approvingLeader(d)
  const decision = !earlier && isDecision(resultName) && leader !== undefined && (await isAccount(deps.db, leader.id))
  const presigned = earlier || decision ? null : await signResult(deps, d, issued, now)
  return deps.db.transaction().execute(async (tx) => {
    const locked = await lockDossierState(tx, found.id)
    if (!locked) return null
    if (locked.electronicResult) return locked.electronicResult.sha256
    const signed = decision
      ? await issueResultDecision(
          tx,
          deps.storage,
          found.id,
          d,
          { ...issued, issuedAt: issued.result.issuedAt },
          now,
          resultName,
          async (n) => (await resultOf(tx, d, issued, n)).document,
        )
      : presigned
    let sha256 = earlier
    if (signed) {
      const linked = await linkSignedDocument(
        tx,
        signed,
        {
          dossierId: found.id,
          applicant: d.applicant,
          agencyId: issued.agencyId,
          component: resultComponent,
          fileName,
          issuedKind: 'result',
          vaultKind: 'e_result',
          vaultTitle: `${signed.resultName} — ${d.code}`,
        },
        now,
      )
      sha256 = linked ? signed.sha256 : await signedCopyOf(tx, found.id, resultComponent)
    }
    if (!sha256) throw new Error(`dossier ${found.id}: the e-result was neither linked nor found`)
    const outcome = await deps.engine.run(
      found.id,
      { action: 'record-electronic-result', actor: signer, sha256, fileName },
      locked.version,
      { idempotencyKey: `electronic-result:${found.id}`, now, transaction: tx },
    )
    if (!outcome.ok) throw new Error(`dossier ${found.id}: the e-result event was refused (${outcome.problem})`)
    return sha256
  })
}

/** The result document rendered and signed, its bytes already in file storage. */
async function signResult(deps: ResultIssuers, d: Dossier, issued: IssuedResult, now: Date) {
  const { document, agencyName, resultName } = await resultOf(deps.db, d, issued, issued.result.number)
  const unsigned = await renderResultDocument(document, new Date(issued.result.issuedAt))
  const pdf = await signPdf(unsigned, await agencySigner(deps.db, issued.agencyId, now), {
    reason: `Kết quả giải quyết hồ sơ ${issued.code}`,
    location: agencyName,
    signerName: agencyName,
    signedAt: now,
  })
  const sha256 = createHash('sha256').update(pdf).digest('hex')
  await deps.storage.put(sha256, pdf, { size: pdf.length, mediaType: 'application/pdf' })
  return { sha256, size: pdf.length, resultName }
}

type IssuedResult = { agencyId: string; code: string; result: NonNullable<Dossier['result']> }

/** The result document as the form's result template states it, bearing `resultNumber`. */
async function resultOf(db: Db, d: Dossier, { agencyId, code, result }: IssuedResult, resultNumber: string) {
  const declaration = d.declaration ?? null
  const day = dateOfDay(dayOf(result.issuedAt))
  const [agencyName, procedure, form, names] = await Promise.all([
    agencyNameInForce(db, agencyId),
    procedureNames(db, d.procedure),
    declaration && procedureForm(db, d.procedure.code, d.procedure.version, declaration.formVersion),
    declaration ? placeNames(db, declaration.data, isoDate(dayOf(result.issuedAt))) : {},
  ])
  // The result states what the form's result template says, fed by the declaration and the decision.
  const document = resultDocumentOf(
    form,
    declaration,
    d.decision ?? null,
    {
      agencyName,
      resultName: procedure.result_name.split(';')[0]?.trim() || resultComponent,
      resultNumber,
      applicantName: d.applicant.name,
      procedureName: procedure.name,
      dossierCode: code,
      issuedOn: `ngày ${day.day} tháng ${day.month} năm ${day.year}`,
    },
    names,
  )
  return { document, agencyName, resultName: procedure.result_name }
}
