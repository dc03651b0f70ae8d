import nodemailer from 'nodemailer'
import { PermanentFailure } from '../../domain/delivery/permanent-failure.ts'

export type MailAttachment = { readonly fileName: string; readonly contentType: string; readonly content: Buffer }

export type OutgoingMail = {
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly attachments: readonly MailAttachment[]
}

/** Sends one e-mail; resolves with the server's message id once the server accepted it. */
export type Mailer = {
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>
  close(): void
}

export type SmtpOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  readonly url: string
  /** The sender, e.g. `"Một cửa điện tử" <motcua@khanhhoa.gov.vn>`. */
  readonly from: string
  /** The one attempt's limit, connecting included (default 10 s): the relay retries, not the mailer. */
  readonly timeoutMs?: number
}

/** An SMTP reply code of 5xx: the server refused for good (unknown mailbox, message refused). */
const refusedForGood = (error: unknown): boolean => {
  const code = (error as { responseCode?: unknown }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/** Rejects after `ms`, so one send never outlives the relay's lease whatever phase the server stalls in. */
function deadline(ms: number): { promise: Promise<never>; clear(): void } {
  let timer: NodeJS.Timeout | undefined
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return { promise, clear: () => clearTimeout(timer) }
}

/**
 * E-mail over SMTP with nodemailer, one attempt each: 5xx replies are permanent, the rest (a
 * timeout, a dropped connection, 4xx) thrown for the relay to retry.
 */
export function smtpMailer(options: SmtpOptions): Mailer {
  const timeoutMs = options.timeoutMs ?? 10_000
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  })
  return {
    async send(mail) {
      const limit = deadline(timeoutMs)
      try {
        const sending = transport.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          attachments: mail.attachments.map((a) => ({
            filename: a.fileName,
            contentType: a.contentType,
            content: a.content,
          })),
        })
        sending.catch(() => {}) // a send that lost the race ends on its own; its outcome is already reported
        const info = await Promise.race([sending, limit.promise])
        return { messageId: String(info.messageId) }
      } catch (error) {
        const message = `SMTP: ${(error as Error).message}`
        throw refusedForGood(error) ? new PermanentFailure(message) : new Error(message, { cause: error })
      } finally {
        limit.clear()
      }
    },
    close: () => transport.close(),
  }
}

/** The mailer `SMTP_URL` and `MAIL_FROM` describe, or null when e-mail is not configured. */
export function smtpMailerFromEnv(mail: Omit<SmtpOptions, 'timeoutMs'> | null, timeoutMs: number): Mailer | null {
  return mail ? smtpMailer({ ...mail, timeoutMs }) : null
}
