import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { listDeadLetters, redrive } from '../../store/outbox/dead-letters.ts'
import { listSubscriptions, subscribe, unsubscribe } from '../../store/outbox/webhook-subscriptions.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

const Topic = Type.String({
  pattern: '^(\\*|dossier\\.\\*|dossier\\.[a-z-]+)$',
  description: '`dossier.<event type>` (e.g. dossier.received), `dossier.*` or `*`',
})
const NewSubscription = Type.Object(
  {
    url: Type.String({ pattern: '^https?://', maxLength: 2000, description: 'Where the CloudEvents are POSTed' }),
    topics: Type.Array(Topic, { minItems: 1, maxItems: 50, description: 'The events to receive' }),
  },
  { additionalProperties: false },
)
const SubscriptionView = Type.Object({
  id: Type.String({ description: 'Subscription id' }),
  url: Type.String({ description: 'Where the CloudEvents are POSTed' }),
  topics: Type.Array(Type.String(), { description: 'The events received' }),
  createdAt: Type.String({ description: 'When it was created, ISO 8601' }),
  active: Type.Boolean({ description: 'False once stopped' }),
})
const DeadLetterView = Type.Object({
  consumer: Type.String({ description: 'Who gave up: a partner (national portal, SMS, e-mail) or a webhook' }),
  messageId: Type.Integer({ description: 'Outbox message id' }),
  topic: Type.String({ description: 'Event topic, e.g. dossier.received' }),
  dossierId: Type.String({ description: 'The dossier the message is about' }),
  code: Type.Union([Type.String(), Type.Null()], { description: 'Its mã hồ sơ; null before reception' }),
  attempts: Type.Integer({ description: 'Deliveries tried before giving up' }),
  lastError: Type.Union([Type.String(), Type.Null()], { description: 'The last failure, as the partner answered' }),
  createdAt: Type.String({ description: 'When the message was written, ISO 8601' }),
})

/** Webhook subscriptions of integration clients and the dead letters of the outbox relay (issue 9). */
export const integrationRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.post(
    '/api/webhook-subscriptions',
    {
      config: { permission: Permission.WebhooksManage },
      schema: {
        operationId: 'createWebhookSubscription',
        tags: ['integrations'],
        summary:
          'Đăng ký webhook / Subscribe to dossier events: CloudEvents JSON signed with HMAC-SHA256 (Standard Webhooks headers); the secret is shown once',
        body: NewSubscription,
        response: {
          201: Type.Object({
            id: Type.String({ description: 'Subscription id' }),
            secret: Type.String({
              description: 'Signing secret (Standard Webhooks, whsec_…), shown once: verify each delivery with it',
            }),
          }),
          400: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      const body = request.body
      return reply.code(201).send(await subscribe(db, p.userId, body, now()))
    },
  )

  app.get(
    '/api/webhook-subscriptions',
    {
      config: { permission: Permission.WebhooksManage },
      schema: {
        operationId: 'listWebhookSubscriptions',
        tags: ['integrations'],
        summary: 'Webhook của tôi / The client’s own subscriptions (without secrets)',
        response: {
          200: Type.Object({
            subscriptions: Type.Array(SubscriptionView, { description: 'The client’s subscriptions' }),
          }),
        },
      },
    },
    async (request) => ({ subscriptions: await listSubscriptions(db, callerOf(request).userId) }),
  )

  const SubscriptionParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Subscription id' }) })
  app.delete(
    '/api/webhook-subscriptions/:id',
    {
      config: { permission: Permission.WebhooksManage },
      schema: {
        operationId: 'deleteWebhookSubscription',
        tags: ['integrations'],
        summary: 'Hủy webhook / Stop a subscription',
        params: SubscriptionParams,
        response: { 204: Type.Null(), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      if (!(await unsubscribe(db, callerOf(request).userId, id, now())))
        return sendProblem(reply, problem('notFound', 404))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/outbox/dead-letters',
    {
      config: { permission: Permission.OutboxManage },
      schema: {
        operationId: 'listDeadLetters',
        tags: ['integrations'],
        summary: 'Tin gửi thất bại / Deliveries that gave up (each holds back its dossier’s later messages)',
        response: {
          200: Type.Object({
            deadLetters: Type.Array(DeadLetterView, { description: 'Dead letters, oldest first' }),
          }),
        },
      },
    },
    async () => ({ deadLetters: await listDeadLetters(db) }),
  )

  const RedriveParams = Type.Object({
    consumer: Type.String({ minLength: 1, description: 'The consumer that gave up' }),
    messageId: Type.Integer({ minimum: 1, description: 'The outbox message to deliver again' }),
  })
  app.post(
    '/api/outbox/dead-letters/:consumer/:messageId/redrive',
    {
      config: { permission: Permission.OutboxManage },
      schema: {
        operationId: 'redriveDeadLetter',
        tags: ['integrations'],
        summary: 'Gửi lại / Re-drive a dead delivery (audited)',
        params: RedriveParams,
        response: { 204: Type.Null(), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const { consumer, messageId } = request.params
      const p = callerOf(request)
      if (!(await redrive(db, consumer, messageId, `${p.name} (${p.userId})`, now())))
        return sendProblem(reply, problem('notFound', 404))
      return reply.code(204).send(null)
    },
  )
}
