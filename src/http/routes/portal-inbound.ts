import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type Static, Type } from 'typebox'
import { InboundDossier } from '../../adapters/national-portal/inbound-dossier.ts'
import { InboundPetition, readInboundPetition } from '../../adapters/national-portal/inbound-petition.ts'
import { type PushCredentials, verifyPush } from '../../adapters/national-portal/inbound-signature.ts'
import type { PetitionDeps } from '../../app/petitions/petition-deps.ts'
import { refusePetitionDelivery } from '../../app/petitions/pull-portal-petitions.ts'
import { receivePortalPetition } from '../../app/petitions/receive-portal-petition.ts'
import { checkInbound, type IntakeDeps, receiveInbound, refuseDelivery } from '../../app/portal/intake-dossier.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { refusalProblems } from '../intake-refusal-problems.ts'
import { Problem, problem, sendProblem } from '../problem.ts'

/** Push mode as configured (PORTAL_INBOUND_MODE=push): the platform's credentials and the intakes' parts. */
export type PortalInboundOptions = {
  readonly credentials: PushCredentials
  readonly intake: IntakeDeps
  readonly petitions: PetitionDeps
}

const PetitionReceipt = Type.Object(
  {
    MaPAKNQuocGia: Type.String({ description: 'The national petition id, as sent' }),
    MaPAKN: Type.String({ description: "motcua's petition code, PAKN.yyyymmdd.nnnn" }),
    KetQua: Type.Union([Type.Literal('da_tiep_nhan'), Type.Literal('da_ton_tai')], {
      description: 'da_tiep_nhan: received now; da_ton_tai: already received (a repeated delivery), the same code',
    }),
  },
  { description: 'Biên nhận PAKN / The petition as motcua received it (assumed names)' },
)

const InboundReceipt = Type.Object(
  {
    MaHoSoQuocGia: Type.String({ description: 'The national dossier id, as sent' }),
    MaHoSoDiaPhuong: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: "motcua's dossier id; null while the intake is still under way (202)",
    }),
    KetQua: Type.Union([Type.Literal('da_tiep_nhan'), Type.Literal('da_ton_tai'), Type.Literal('dang_xu_ly')], {
      description:
        'da_tiep_nhan: the dossier was created now; da_ton_tai: it already existed (a repeated delivery); dang_xu_ly: recorded, its attachments are fetched later',
    }),
  },
  { description: 'Biên nhận liên thông / The intake as motcua recorded it' },
)
type InboundReceipt = Static<typeof InboundReceipt>

const parsed = (raw: string): unknown => {
  try {
    return JSON.parse(raw)
  } catch {
    return null
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received, for the signature (set by this plugin's JSON parser only). */
    rawBody?: string
  }
}

/**
 * Nhận hồ sơ từ Cổng DVCQG (push): the platform POSTs one dossier, authenticated by its API key and
 * signed (inbound-signature.ts). The answer is 2xx only once the intake is committed, so an
 * acknowledged dossier is never lost; a repeat answers the same dossier id.
 */
export async function portalInboundRoutes(app: FastifyInstance, options: { inbound: PortalInboundOptions | null }) {
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 1_048_576 }, (request, body, done) => {
    const raw = body as string
    ;(request as FastifyRequest).rawBody = raw
    try {
      done(null, JSON.parse(raw))
    } catch {
      done(null, null)
    }
  })

  app.post(
    '/api/portal/inbound-dossiers',
    {
      config: { permission: Permission.Public },
      attachValidation: true,
      schema: {
        operationId: 'receivePortalDossier',
        tags: ['integrations'],
        summary:
          'Nền tảng liên thông đẩy một hồ sơ nộp trên Cổng DVCQG (xác thực bằng khóa API và chữ ký) / The national platform pushes one dossier submitted on the national portal, authenticated by API key and signature',
        description:
          'Headers: X-API-Key, and Standard Webhooks webhook-id, webhook-timestamp, webhook-signature (v1, HMAC-SHA256 of id.timestamp.body). Every field is an assumption (docs/rules.md).',
        body: InboundDossier,
        response: {
          200: InboundReceipt,
          201: InboundReceipt,
          202: InboundReceipt,
          401: Problem,
          422: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const inbound = options.inbound
      if (!inbound) return sendProblem(reply, problem('inboundNotConfigured', 503))
      const { db, now } = inbound.intake
      const raw = request.rawBody ?? ''
      // The body as sent, not request.body: Fastify's validation coerces null to "" in a string-or-null
      // field (ajv coerceTypes inside anyOf), and an absent e-mail must not become an empty one.
      const body = parsed(raw)
      const verdict = verifyPush(inbound.credentials, request.headers, raw, now())
      if (verdict !== 'ok') {
        await refuseDelivery(db, 'push', body, verdict, null, now())
        return sendProblem(reply, problem('inboundUnauthenticated', 401))
      }
      const checked = checkInbound(body)
      if (!checked.ok) {
        await refuseDelivery(db, 'push', body, 'invalid-body', checked.detail, now())
        return sendProblem(reply, problem('validation', 400, { errors: [{ path: 'body', message: checked.detail }] }))
      }
      const outcome = await receiveInbound(inbound.intake, checked.dossier, 'push')
      const id = checked.dossier.MaHoSoQuocGia
      if (outcome.kind === 'rejected')
        return sendProblem(
          reply,
          problem(
            refusalProblems[outcome.reason],
            422,
            outcome.detail ? { errors: [{ path: 'body', message: outcome.detail }] } : {},
          ),
        )
      const receipt: InboundReceipt =
        outcome.kind === 'pending'
          ? { MaHoSoQuocGia: id, MaHoSoDiaPhuong: null, KetQua: 'dang_xu_ly' }
          : {
              MaHoSoQuocGia: id,
              MaHoSoDiaPhuong: outcome.dossierId,
              KetQua: outcome.existed ? 'da_ton_tai' : 'da_tiep_nhan',
            }
      return reply.code(outcome.kind === 'pending' ? 202 : outcome.existed ? 200 : 201).send(receipt)
    },
  )

  app.post(
    '/api/portal/inbound-petitions',
    {
      config: { permission: Permission.Public },
      attachValidation: true,
      schema: {
        operationId: 'receivePortalPetition',
        tags: ['integrations'],
        summary:
          'Nền tảng liên thông đẩy một phản ánh, kiến nghị gửi trên Cổng DVCQG (xác thực như hồ sơ) / The national platform pushes one petition sent on the national portal, authenticated as dossiers are',
        description:
          'Headers as for inbound dossiers: X-API-Key, and Standard Webhooks webhook-id, webhook-timestamp, webhook-signature. Every field is an assumption (docs/rules.md "Petitions").',
        body: InboundPetition,
        response: {
          200: PetitionReceipt,
          201: PetitionReceipt,
          400: Problem,
          401: Problem,
          422: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const inbound = options.inbound
      if (!inbound) return sendProblem(reply, problem('inboundNotConfigured', 503))
      const deps = inbound.petitions
      // The body as the platform sent it: Fastify's validation may have coerced it in place.
      const body = parsed(request.rawBody ?? '')
      const verdict = verifyPush(inbound.credentials, request.headers, request.rawBody ?? '', deps.now())
      if (verdict !== 'ok') {
        await refusePetitionDelivery(deps, 'push', body, verdict, null)
        return sendProblem(reply, problem('inboundUnauthenticated', 401))
      }
      const read = readInboundPetition(body)
      if (!read.ok) {
        await refusePetitionDelivery(deps, 'push', body, 'invalid-body', read.detail)
        return sendProblem(reply, problem('validation', 400, { errors: [{ path: read.path, message: read.detail }] }))
      }
      const outcome = await receivePortalPetition(deps, read.petition)
      if (outcome.kind === 'unknownUnit') return sendProblem(reply, problem('petitionInboundUnknownUnit', 422))
      if (outcome.kind === 'dossierNotFound') return sendProblem(reply, problem('petitionInboundUnknownDossier', 422))
      if (outcome.kind === 'agencyNotFound') return sendProblem(reply, problem('petitionInboundUnknownUnit', 422))
      if (outcome.kind === 'earlierNotFound') return sendProblem(reply, problem('petitionEarlierNotFound', 422))
      if (outcome.kind === 'earlierNotAnswered') return sendProblem(reply, problem('petitionEarlierNotAnswered', 422))
      const receipt = {
        MaPAKNQuocGia: read.petition.portalId,
        MaPAKN: outcome.petition.code,
        KetQua: outcome.duplicate ? ('da_ton_tai' as const) : ('da_tiep_nhan' as const),
      }
      return reply.code(outcome.duplicate ? 200 : 201).send(receipt)
    },
  )
}
