import { randomUUID } from 'node:crypto'
import { renderSignedForm } from '../../adapters/pdf/signed-form.ts'
import { formatInstant, localDate } from '../../domain/calendar/local-time.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { buildDossierForm } from '../../domain/forms/build.ts'
import type { FormBlock, FormDocument } from '../../domain/forms/form-document.ts'
import { common } from '../../domain/forms/templates.ts'
import type { Db } from '../../store/database.ts'
import { dossierDocumentLinks } from '../../store/documents/dossier-documents.ts'
import type {
  Acting,
  dossierCommands,
  Outcome,
  RunOptions,
  UncheckedCommand,
} from '../../store/dossiers/dossier-commands.ts'
import { formContext } from '../../store/forms/form-context.ts'
import { registerDossierDocument } from './register-dossier-document.ts'
import { signAsIssued } from './sign-as-issued.ts'

/**
 * The apology is a công văn (Decree 30/2020 Art. 7, Appendix III: no type abbreviation, the notation
 * names the drafting unit): form 04's title is none of the types Art. 7 names, and a thư công is read
 * as the courtesy letter (thăm hỏi, chúc mừng, cảm ơn, chia buồn), not a reply on a case. Drafted by
 * the agency's office (VP). Both are assumptions (rules.md "Apology and result decision as documents").
 */
const draftingUnit = 'VP'

/** The leader who apologises; only a leader of the processing agency may (`issue-apology` in availableActions). */
export type Apologiser = { readonly userId: string; readonly name: string }

const lines = (blocks: readonly FormBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.kind === 'fields' ? b.rows.map((r) => `${r.label}: ${r.value}`) : b.kind === 'paragraph' ? [b.text] : [],
  )

/**
 * Văn bản xin lỗi (form 04) issued as a numbered outgoing document of the processing agency, in the
 * transaction that recorded `apology-issued`: numbered in its outgoing register, the number printed in
 * the form's heading, signed by the apologising leader and sealed by the agency, addressed to the
 * applicant and linked to the dossier as `apology`. Once per dossier: a retry finds the link.
 */
export async function issueApologyDocument(
  tx: Db,
  dossierId: string,
  d: Dossier,
  leader: Apologiser,
  now: Date,
  newId: () => string,
): Promise<void> {
  if ((await dossierDocumentLinks(tx, dossierId)).some((l) => l.role === 'apology')) return
  const agencyId = d.processingAgencyId
  if (agencyId === null || d.apology === null) throw new Error(`dossier ${dossierId} has no apology to issue`)
  const ctx = await formContext(tx, d, localDate(now), '')
  const form = ctx && buildDossierForm('04', d, ctx)
  if (!form) throw new Error(`dossier ${dossierId}: form 04 could not be built`)
  const title = form.blocks.flatMap((b) => (b.kind === 'signatures' ? b.blocks.map((s) => s.title) : []))[0] ?? ''
  await registerDossierDocument(
    tx,
    {
      dossierId,
      role: 'apology',
      agencyId,
      actorId: leader.userId,
      signer: { ...leader, title },
      content: {
        type: 'cong-van',
        subject: `${form.title.toLocaleLowerCase('vi')} hồ sơ ${d.code ?? dossierId}`.replace(/^./, (c) =>
          c.toLocaleUpperCase('vi'),
        ),
        body: lines(form.blocks).join('\n'),
        urgency: 'normal',
        confidentiality: 'none',
        draftingUnit,
        recipients: [{ kind: 'person', name: d.applicant.name }],
        replyTo: null,
      },
    },
    async (notation, agency) => {
      const numbered: FormDocument = {
        ...form,
        header: { ...form.header, number: common.number.replace('{number}', notation) },
      }
      const rendered = await renderSignedForm(numbered, {
        signerName: leader.name,
        agencyName: agency.name,
        signedAt: formatInstant(now.getTime()),
      })
      return signAsIssued(tx, rendered, leader, agency, notation, now)
    },
    now,
    newId,
  )
}

/**
 * Runs `issue-apology` and, when the engine accepts it (not a replay), issues its document in the
 * same transaction: a refusal allocates no number, a failure to issue undoes the apology.
 */
export async function apologise(
  deps: { readonly db: Db; readonly engine: ReturnType<typeof dossierCommands> },
  ref: string,
  acting: Acting,
  command: UncheckedCommand,
  expectedVersion: number,
  options: Omit<RunOptions, 'transaction'>,
  leader: Apologiser,
): Promise<Outcome> {
  return deps.db.transaction().execute(async (tx) => {
    const outcome = await deps.engine.runAs(ref, acting, command, expectedVersion, { ...options, transaction: tx })
    if (outcome.ok && outcome.produced)
      await issueApologyDocument(tx, outcome.dossierId, outcome.produced.state, leader, options.now, randomUUID)
    return outcome
  })
}
