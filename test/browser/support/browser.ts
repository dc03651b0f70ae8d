import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { buildApp, webRootDefault } from '../../../src/http/app.ts'
import { toolPath } from '../../support/debian-tools.ts'
import type { TestApp } from '../../support/test-app.ts'

/** Debian's Chromium (tests skip through `requireTools('chromium')` when it is absent), headless, with the flags that keep it off the network (see dependencies.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: toolPath('chromium') ?? 'chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** The test app listening on loopback with the built web app, for a real browser. */
export async function serveForBrowser(t: TestApp): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const app = await buildApp({
    db: t.database.db,
    now: () => new Date(),
    webRoot: webRootDefault,
    demoLogin: true,
    secureCookies: false,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() }
}

/** With MOTCUA_SCREENSHOTS=1, saves the page under docs/screenshots/ (shown in the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MOTCUA_SCREENSHOTS !== '1') return
  const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}
