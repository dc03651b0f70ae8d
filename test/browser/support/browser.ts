import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { type AppOptions, buildApp, webRootDefault } from '../../../src/http/app.ts'
import { toolPath } from '../../support/debian-tools.ts'
import { createTestApp, type TestApp } from '../../support/test-app.ts'

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

/** What a browser test may set on the served app: the portal's fakes, a clock the test moves. */
export type BrowserAppOptions = Partial<Pick<AppOptions, 'portalReconciliation' | 'now'>>

/** The test app listening on loopback with the built web app, for a real browser. */
export async function serveForBrowser(
  t: TestApp,
  options: BrowserAppOptions = {},
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const app = await buildApp({
    db: t.database.db,
    now: () => new Date(),
    webRoot: webRootDefault,
    demoLogin: true,
    secureCookies: false,
    ...options,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() }
}

/** What a browser suite's tests use once its `before` hook has run. */
export type BrowserSuite = { t: TestApp; baseUrl: string; browser: Browser }

/**
 * Registers the suite's hooks: a test app (after `prepare`, which may seed it), served on loopback
 * with the built web app, and Chromium; all closed after the suite. The fields are set before the
 * first test runs.
 */
export function browserSuite(
  prepare?: (t: TestApp) => Promise<void>,
  /** The app's options, read when the suite starts (after the test file's own earlier `before` hooks). */
  appOptions?: () => BrowserAppOptions,
): BrowserSuite {
  const suite = {} as BrowserSuite
  let server: { close(): Promise<void> } | undefined
  before(async () => {
    const options = appOptions?.() ?? {}
    suite.t = await createTestApp(options)
    await prepare?.(suite.t)
    const served = await serveForBrowser(suite.t, options)
    server = served
    suite.baseUrl = served.baseUrl
    suite.browser = await launchChromium()
  })
  after(async () => {
    await suite.browser?.close()
    await server?.close()
    await suite.t?.close()
  })
  return suite
}

/** With MOTCUA_SCREENSHOTS=1, saves the page under docs/screenshots/ (shown in the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MOTCUA_SCREENSHOTS !== '1') return
  const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/** A browser context of its own, signed in through the labelled demo login (citizen, or an officer at a unit). */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  as: string,
  agencyId?: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; csrf: string }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true })
  const res = await context.request.post(`${baseUrl}/api/auth/demo-login`, {
    data: { as, ...(agencyId ? { agencyId } : {}) },
  })
  assert.equal(res.status(), 200, await res.text())
  return { context, page: await context.newPage(), csrf: ((await res.json()) as { csrfToken: string }).csrfToken }
}

/** No serious or critical accessibility violation (axe-core) on the page as it stands. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    [],
    `${name} has accessibility violations`,
  )
}

/** Runs an office action on the dossier page: its button, its form filled, its confirmation if any. */
export async function runOfficeAction(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click()
  if (fill) await fill()
  const confirm = page.getByRole('button', { name: 'Xác nhận', exact: true })
  if (await confirm.isVisible().catch(() => false)) await confirm.click()
  await page.getByText('Đã thực hiện').first().waitFor({ timeout: 10_000 })
}
