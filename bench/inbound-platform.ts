import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The bench's attachments: 200 KB each. */
export const attachmentBytes = 200 * 1024
export const platformApiKey = 'khoa-bench'

/** The i-th attachment: a PDF header naming i, then filler, so every one is distinct content of 200 KB. */
export function attachmentOf(i: number): Buffer {
  const bytes = Buffer.alloc(attachmentBytes, i % 251)
  bytes.write(`%PDF-1.7\n% inbound bench ${i}\n`, 0, 'latin1')
  return bytes
}

/**
 * The platform's attachment server, in a process of its own (`node bench/inbound-platform.ts serve`,
 * forked by the bench), so serving and filling 200 KB bodies does not compete with the intake for the
 * bench's event loop: `/api/lienthong/tailieu/<i>` is attachment i. It tells its parent its address
 * over the IPC channel and stops when the parent goes.
 */
function serve() {
  const server = createServer((req, res) => {
    const i = Number(/\/tailieu\/(\d+)$/.exec(req.url ?? '')?.[1] ?? Number.NaN)
    if (req.headers['x-api-key'] !== platformApiKey || !Number.isInteger(i)) return res.writeHead(404).end()
    const bytes = attachmentOf(i)
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length })
    res.end(bytes)
  })
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port })
  })
  process.on('disconnect', () => server.close(() => process.exit(0)))
}

if (process.argv[2] === 'serve') serve()
