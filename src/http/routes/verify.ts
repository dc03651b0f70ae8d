import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { verifySignedPdf } from '../../adapters/signing/verify-pdf.ts'
import { ensureDemoCa } from '../../app/signing/agency-signer.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { findIssuedDocument } from '../../store/signing/issued-documents.ts'
import { problem, sendProblem } from '../problem.ts'

const maxPdfBytes = 20 * 1024 * 1024

/**
 * Xác thực kết quả điện tử: anyone holding a document motcua issued can check that it is intact
 * and signed by the agency's certificate, and which dossier it belongs to. The PDF is the raw body
 * (`application/pdf`, at most 20 MB); nothing is stored.
 */
export const verifyRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  // Scoped to this plugin: the rest of the API takes JSON only.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: maxPdfBytes }, (_request, body, done) =>
    done(null, body),
  )
  app.post(
    '/api/verify',
    {
      bodyLimit: maxPdfBytes,
      config: { permission: Permission.Public, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        operationId: 'verifyDocument',
        tags: ['dossiers'],
        summary: 'Xác thực văn bản điện tử / Verify a signed e-result (PDF body)',
        consumes: ['application/pdf'],
        response: {
          200: Type.Object({
            signed: Type.Boolean({ description: 'The PDF carries a signature' }),
            valid: Type.Boolean({
              description: 'The signature covers the whole file, is intact and by a trusted agency',
            }),
            signerName: Type.Union([Type.String(), Type.Null()], { description: 'Who signed, from the certificate' }),
            signedAt: Type.Union(
              [Type.String({ description: 'Signing time claimed by the signature (ISO 8601)' }), Type.Null()],
              { description: 'Signing time claimed by the signature; null when unsigned' },
            ),
            problem: Type.Union(
              [
                Type.String({
                  description:
                    'notSigned | byteRangeIncomplete | unreadableSignature | unsupportedAlgorithm | digestMismatch | badSignature | untrustedCertificate',
                }),
                Type.Null(),
              ],
              { description: 'Why the signature is not valid; null when it is' },
            ),
            documentSha256: Type.String({ description: 'SHA-256 of the uploaded file, hex' }),
            dossier: Type.Union(
              [
                Type.Object({
                  code: Type.Union([Type.String(), Type.Null()], { description: 'Mã hồ sơ' }),
                  status: Type.Integer({ description: 'National status code' }),
                }),
                Type.Null(),
              ],
              { description: 'The dossier motcua issued this document for; null when it is not ours' },
            ),
          }),
          413: Type.Ref('Problem'),
          415: Type.Ref('Problem'),
          429: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) return sendProblem(reply, problem('unsupportedMediaType', 415))
      const ca = await ensureDemoCa(db, now())
      const result = verifySignedPdf(request.body, ca.certificatePem, now())
      // Byte-for-byte what motcua issued (signed or not): the dossier it belongs to.
      const issued = await findIssuedDocument(db, result.documentSha256)
      return { ...result, dossier: issued?.dossier ?? null }
    },
  )
}
