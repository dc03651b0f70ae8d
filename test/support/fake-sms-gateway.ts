import { createServer, type IncomingMessage } from 'node:http'

export type ReceivedSms = {
  readonly to: string
  readonly content: string
  readonly brandname: string
  readonly requestId: string
}

/** A brandname SMS gateway on loopback: checks the API key, records what it accepts, can be switched off. */
export type FakeSmsGateway = {
  readonly url: string
  readonly apiKey: string
  readonly messages: ReceivedSms[]
  /** While true every request gets 503, as a gateway under maintenance answers. */
  down: boolean
  /** Requests answered 503 so far. */
  readonly refused: number
  close(): Promise<void>
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeSmsGateway(apiKey = 'khoa-thu-sms'): Promise<FakeSmsGateway> {
  const messages: ReceivedSms[] = []
  let refused = 0
  const expected = `Basic ${Buffer.from(`${apiKey}:x`).toString('base64')}`
  const state = { down: false }
  const server = createServer(async (request, response) => {
    const reply = (status: number, body: object) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    const body = await readBody(request)
    if (state.down) {
      refused++
      return reply(503, { status: 'error', code: '500', message: 'maintenance' })
    }
    if (request.method !== 'POST' || request.url !== '/sms/send') return reply(404, { code: '404' })
    if (request.headers.authorization !== expected) return reply(401, { status: 'error', code: '009' })
    const sms = JSON.parse(body) as { to: string[]; content: string; brandname: string; requestId: string }
    if (!/^84\d{9,10}$/.test(sms.to[0] ?? '')) return reply(200, { status: 'error', code: '105' })
    messages.push({ to: sms.to[0] ?? '', content: sms.content, brandname: sms.brandname, requestId: sms.requestId })
    reply(200, { status: 'success', code: '00', data: { tranId: messages.length, totalSMS: 1, invalidPhone: [] } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/sms/send`,
    apiKey,
    messages,
    get down() {
      return state.down
    },
    set down(value: boolean) {
      state.down = value
    },
    get refused() {
      return refused
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
