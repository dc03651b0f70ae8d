import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * The national document exchange axis on loopback, speaking the REST shape motcua's adapter assumes
 * (src/adapters/document-axis/axis-client.ts) and nothing of motcua's types: `POST /vxp/edocs` takes a
 * package (de-duplicated by X-Axis-Message-Id), `GET /vxp/edocs/received` lists what waits for us,
 * `GET /vxp/edocs/<id>` serves it, `PUT /vxp/edocs/<id>/status` takes done or fail and stops listing
 * it, `GET /vxp/agencies` is the directory. Every call needs X-Axis-System-Id and X-Axis-Secret.
 * Faults: answering 503 for a while, storing a package then answering 500 (a lost answer), answering
 * slowly, refusing acknowledgements for a while, listing each waiting message twice.
 */
export type FakeDocumentAxis = {
  readonly baseUrl: string
  readonly systemId: string
  readonly secret: string
  /** Packages received from us, by our message id, in arrival order. */
  readonly sent: Map<string, { docId: string; type: string; from: string; xml: string }>
  /** How many POSTs reached the axis (a retry counts again). */
  readonly sendAttempts: () => number
  /** Acknowledgements received, in order. */
  readonly acknowledgements: { docId: string; status: string }[]
  /** Puts a message in our inbox, as another agency's system would; returns the axis's id for it. */
  deliverToUs(xml: string, options: { type: 'edoc' | 'status'; from: string }): string
  /** Waiting messages not yet acknowledged. */
  waiting(): string[]
  /** Answers 503 to every request until `up()`. */
  down(): void
  up(): void
  /** The next `n` sends are stored, then answered 500 as if the answer was lost on the way. */
  loseAnswers(n: number): void
  /** Holds every answer back this long. */
  slow(ms: number): void
  /** The next `n` acknowledgements are answered 503 and not recorded. */
  failAcknowledgements(n: number): void
  /** Lists each waiting message twice in one answer (a duplicate delivery). */
  listTwice(on: boolean): void
  /** Takes an agency off the directory, as when it leaves the axis. */
  removeAgency(code: string): void
  /** How many times the directory was fetched. */
  directoryFetches: () => number
  close(): Promise<void>
}

const initialDirectory = [
  { code: '000.00.00.G22', name: 'Văn phòng Chính phủ', parentCode: null },
  { code: '000.00.00.H34', name: 'Ủy ban nhân dân tỉnh Khánh Hòa', parentCode: null },
  { code: '000.00.00.H31', name: 'Ủy ban nhân dân tỉnh Lâm Đồng', parentCode: null },
  { code: '000.00.07.H31', name: 'Sở Y tế tỉnh Lâm Đồng', parentCode: '000.00.00.H31' },
  { code: 'VXP-TEST', name: 'Đơn vị thử nghiệm không có mã QCVN 102', parentCode: null },
]

function json(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeDocumentAxis(): Promise<FakeDocumentAxis> {
  const systemId = 'motcua-khanh-hoa'
  const secret = randomUUID()
  const sent = new Map<string, { docId: string; type: string; from: string; xml: string }>()
  const inbox = new Map<string, { type: string; from: string; xml: string; acknowledged: boolean }>()
  const acknowledgements: { docId: string; status: string }[] = []
  let attempts = 0
  let isDown = false
  let lostAnswers = 0
  let delayMs = 0
  let twice = false
  let failingAcks = 0
  let directory = [...initialDirectory]
  let directoryFetches = 0

  const server = createServer(async (req, res) => {
    const body = await bodyOf(req)
    if (delayMs > 0) await sleep(delayMs)
    if (req.headers['x-axis-system-id'] !== systemId || req.headers['x-axis-secret'] !== secret)
      return json(res, 401, { error: 'unauthorized' })
    if (isDown) return json(res, 503, { error: 'axis unavailable' })
    const path = new URL(req.url ?? '/', 'http://axis').pathname
    if (req.method === 'POST' && path === '/vxp/edocs') {
      attempts++
      const messageId = String(req.headers['x-axis-message-id'] ?? '')
      const type = String(req.headers['x-axis-message-type'] ?? '')
      const from = String(req.headers['x-axis-from'] ?? '')
      if (!messageId || !['edoc', 'status'].includes(type) || !from || !body.startsWith('<?xml'))
        return json(res, 400, { error: 'bad request' })
      const known = sent.get(messageId)
      const docId = known?.docId ?? randomUUID()
      if (!known) sent.set(messageId, { docId, type, from, xml: body })
      if (lostAnswers > 0) {
        lostAnswers--
        return json(res, 500, { error: 'lost answer' })
      }
      return json(res, known ? 200 : 201, { docId })
    }
    if (req.method === 'GET' && path === '/vxp/edocs/received') {
      const items = [...inbox.entries()]
        .filter(([, m]) => !m.acknowledged)
        .map(([docId, m]) => ({ docId, messageType: m.type, from: m.from }))
      return json(res, 200, { items: twice ? items.flatMap((i) => [i, i]) : items })
    }
    if (req.method === 'GET' && path === '/vxp/agencies') {
      directoryFetches++
      return json(res, 200, { agencies: directory })
    }
    const statusPath = /^\/vxp\/edocs\/([^/]+)\/status$/.exec(path)
    if (req.method === 'PUT' && statusPath) {
      const docId = decodeURIComponent(statusPath[1] ?? '')
      const message = inbox.get(docId)
      const status = (JSON.parse(body || '{}') as { status?: string }).status ?? ''
      if (!message) return json(res, 404, { error: 'unknown document' })
      if (failingAcks > 0) {
        failingAcks--
        return json(res, 503, { error: 'axis unavailable' })
      }
      if (!['done', 'fail'].includes(status)) return json(res, 400, { error: 'status must be done or fail' })
      message.acknowledged = true
      acknowledgements.push({ docId, status })
      return json(res, 200, { status: 'OK' })
    }
    const docPath = /^\/vxp\/edocs\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && docPath) {
      const message = inbox.get(decodeURIComponent(docPath[1] ?? ''))
      if (!message) return json(res, 404, { error: 'unknown document' })
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' })
      return res.end(message.xml)
    }
    return json(res, 404, { error: 'not found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    systemId,
    secret,
    sent,
    sendAttempts: () => attempts,
    acknowledgements,
    deliverToUs(xml, options) {
      const docId = randomUUID()
      inbox.set(docId, { ...options, xml, acknowledged: false })
      return docId
    },
    removeAgency: (code) => {
      directory = directory.filter((a) => a.code !== code)
    },
    directoryFetches: () => directoryFetches,
    waiting: () => [...inbox.entries()].filter(([, m]) => !m.acknowledged).map(([id]) => id),
    down: () => {
      isDown = true
    },
    up: () => {
      isDown = false
    },
    loseAnswers: (n) => {
      lostAnswers = n
    },
    slow: (ms) => {
      delayMs = ms
    },
    failAcknowledgements: (n) => {
      failingAcks = n
    },
    listTwice: (on) => {
      twice = on
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
