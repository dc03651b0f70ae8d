import assert from 'node:assert/strict'
import { createServer, type Socket } from 'node:net'
import { test } from 'node:test'
import { PermanentFailure } from '../../domain/delivery/permanent-failure.ts'
import { smtpMailer } from './smtp-mailer.ts'

test('a server that accepts the connection but never answers fails the one attempt within its timeout, for the relay to retry', async (t) => {
  const sockets: Socket[] = []
  const silent = createServer((socket) => sockets.push(socket))
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  t.after(() => {
    for (const s of sockets) s.destroy()
    silent.close()
  })
  const port = (silent.address() as { port: number }).port
  const mailer = smtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'motcua@example.vn', timeoutMs: 300 })
  t.after(() => mailer.close())
  const started = performance.now()
  await assert.rejects(
    mailer.send({ to: 'lan@example.vn', subject: 'Hồ sơ', text: 'Xin chào', attachments: [] }),
    (error: Error) => {
      assert.ok(!(error instanceof PermanentFailure), 'a silent server is not a refusal')
      assert.match(error.message, /^SMTP: /)
      return true
    },
  )
  const took = performance.now() - started
  assert.ok(took < 2_000, `the attempt took ${Math.round(took)} ms`)
})
