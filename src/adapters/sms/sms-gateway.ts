import { PermanentFailure } from '../../domain/delivery/permanent-failure.ts'

export type SmsMessage = {
  /** A Vietnamese phone number as the applicant wrote it: 0905 000 001, +84905000001… */
  readonly to: string
  /** Unaccented text, one 160-character part. */
  readonly content: string
  /** Stable per notice, so the gateway can drop a repeated request. */
  readonly requestId: string
}

/** Sends one SMS; resolves with the gateway's transaction id once the gateway accepted it. */
export type SmsSender = { send(message: SmsMessage): Promise<{ readonly id: string }> }

export type SmsGatewayOptions = {
  /** The gateway's send endpoint, e.g. https://api.gateway.vn/sms/send. */
  readonly url: string
  readonly apiKey: string
  /** The registered brandname the message shows as sender, e.g. UBND KHOA. */
  readonly brandname: string
  /** The one attempt's limit (default 10 s): the relay retries, not the adapter. */
  readonly timeoutMs?: number
}

/** 0905000001, +84 905 000 001, 84905000001 → 84905000001; null when it is not a Vietnamese number. */
export function msisdn(phone: string): string | null {
  const digits = phone.replace(/[\s.()-]/g, '').replace(/^\+/, '')
  const national = digits.startsWith('84') ? digits.slice(2) : digits.startsWith('0') ? digits.slice(1) : null
  return national !== null && /^[1-9]\d{8,9}$/.test(national) ? `84${national}` : null
}

type GatewayReply = { code?: unknown; message?: unknown; data?: { tranId?: unknown } }

/**
 * SMS brandname through an HTTP gateway, shaped like the common Vietnamese gateways (SpeedSMS's
 * `POST` with JSON `{to, content, sender}`, access token as HTTP Basic user, reply
 * `{status, code: "00", data: {tranId}}`; eSMS and VNPT differ only in names): JSON POST with the API
 * key as Basic credentials, `brandname` for the sender, code "00" = accepted. One attempt a send:
 * 5xx, an unreadable reply and network errors are thrown for the relay to retry; 4xx and other codes
 * are permanent.
 */
export function smsGateway(options: SmsGatewayOptions): SmsSender {
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:x`).toString('base64')}`

  async function attempt(to: string, message: SmsMessage): Promise<{ id: string }> {
    let response: Response
    try {
      response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
        body: JSON.stringify({
          to: [to],
          content: message.content,
          brandname: options.brandname,
          requestId: message.requestId,
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
    } catch (error) {
      throw new Error(`SMS gateway unreachable: ${(error as Error).message}`)
    }
    const body = await response.text()
    if (response.status >= 500 || response.status === 408 || response.status === 429)
      throw new Error(`SMS gateway: HTTP ${response.status}`)
    if (response.status >= 400) throw new PermanentFailure(`SMS gateway refused: HTTP ${response.status} ${body}`)
    let reply: GatewayReply
    try {
      reply = JSON.parse(body) as GatewayReply
    } catch {
      throw new Error(`SMS gateway: unreadable reply ${body.slice(0, 200)}`)
    }
    if (reply.code !== '00') throw new PermanentFailure(`SMS gateway refused: code ${String(reply.code)} ${body}`)
    return { id: String(reply.data?.tranId ?? '') }
  }

  return {
    async send(message) {
      const to = msisdn(message.to)
      if (to === null) throw new PermanentFailure(`not a Vietnamese phone number: ${message.to}`)
      return attempt(to, message)
    },
  }
}

/** The gateway `SMS_GATEWAY_URL`, `SMS_API_KEY` and `SMS_BRANDNAME` describe, or null when SMS is not configured. */
export function smsGatewayFromEnv(
  sms: Omit<SmsGatewayOptions, 'timeoutMs'> | null,
  timeoutMs: number,
): SmsSender | null {
  return sms ? smsGateway({ ...sms, timeoutMs }) : null
}
