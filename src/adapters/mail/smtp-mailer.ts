import nodemailer from 'nodemailer'
import { PermanentFailure } from '../../jobs/consumer.ts'

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
}

/** An SMTP reply code of 5xx: the server refused for good (unknown mailbox, message refused). */
const refusedForGood = (error: unknown): boolean => {
  const code = (error as { responseCode?: unknown }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/** E-mail over SMTP with nodemailer: 5xx replies are permanent, the rest retried. */
export function smtpMailer(options: SmtpOptions): Mailer {
  const transport = nodemailer.createTransport(options.url)
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
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
        return { messageId: String(info.messageId) }
      } catch (error) {
        const message = `SMTP: ${(error as Error).message}`
        throw refusedForGood(error) ? new PermanentFailure(message) : new Error(message, { cause: error })
      }
    },
    close: () => transport.close(),
  }
}

/** The mailer `SMTP_URL` and `MAIL_FROM` describe, or null when e-mail is not configured. */
export function smtpMailerFromEnv(env: NodeJS.ProcessEnv): Mailer | null {
  if (!env.SMTP_URL) return null
  if (!env.MAIL_FROM) throw new Error('MAIL_FROM must name the sender when SMTP_URL is set')
  return smtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM })
}
