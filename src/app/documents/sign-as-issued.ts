import type { RenderedDocument } from '../../adapters/pdf/signature-stamps.ts'
import { appendSignature } from '../../adapters/signing/append-signature.ts'
import type { Db } from '../../store/database.ts'
import { agencySigner } from '../signing/agency-signer.ts'
import { personalSigner } from './personal-signer.ts'

/**
 * The two signatures of an issued electronic document (Decree 30/2020 Art. 13(7), 17(2)): the
 * leader's personal one, then the agency's seal as an incremental update, so both stay valid.
 */
export async function signAsIssued(
  tx: Db,
  rendered: RenderedDocument,
  signer: { readonly userId: string; readonly name: string },
  agency: { readonly id: string; readonly name: string; readonly location: string },
  notation: string,
  now: Date,
): Promise<Buffer> {
  const personal = await personalSigner(tx, signer.userId, signer.name, agency.name, now)
  const signed = await appendSignature(
    rendered.pdf,
    personal,
    { reason: `Ký ban hành văn bản số ${notation}`, location: agency.location, signerName: signer.name, signedAt: now },
    rendered.signer,
  )
  const seal = await agencySigner(tx, agency.id, now)
  return appendSignature(
    signed,
    seal,
    {
      reason: `Ký số của cơ quan, văn bản số ${notation}`,
      location: agency.location,
      signerName: agency.name,
      signedAt: now,
    },
    rendered.seal,
  )
}
