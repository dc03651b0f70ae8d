import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** An SMTP server on loopback that keeps every mail it accepts, parsed. */
export type SmtpInbox = {
  /** smtp://user:pass@127.0.0.1:<port>, for the mailer under test. */
  readonly url: string
  readonly mails: ParsedMail[]
  /** The mails addressed to `address`. */
  to(address: string): ParsedMail[]
  close(): Promise<void>
}

const user = 'motcua'
const pass = 'mat-khau-thu'

/**
 * Plain SMTP with AUTH PLAIN/LOGIN (no STARTTLS: loopback only); a mail is parsed before the server
 * answers 250, so once the client's send resolves the mail is in `mails`.
 */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ParsedMail[] = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user })
      else callback(new Error('invalid credentials'))
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail)
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://${user}:${pass}@127.0.0.1:${port}`,
    mails,
    to: (recipient) =>
      mails.filter((m) => {
        const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : []
        return to.some((a) => a.value.some((v) => v.address === recipient))
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
