import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inboundClient } from '../../src/adapters/national-portal/inbound-client.ts'
import { portalClient } from '../../src/adapters/national-portal/portal-client.ts'
import { portalListingClient } from '../../src/adapters/national-portal/portal-listing.ts'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { nationalPortalConsumer } from '../../src/jobs/national-portal-consumer.ts'
import { relayOnce } from '../../src/jobs/outbox-relay.ts'
import { requireTools } from '../support/debian-tools.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from '../support/fake-national-portal.ts'
import { runCommand, submitOnline } from '../support/http-dossier.ts'
import { inboundDossier } from '../support/inbound-dossiers.ts'
import { signedIn } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, screenshot, signedInPage } from './support/browser.ts'

// rules.md "Reconciliation with the national portal": the provincial administrator compares a day with
// the portal and re-syncs each difference with one click.

describe(`reconciliation with the national portal in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  let portal: FakeNationalPortal
  let lost: DossierView
  let national: Record<string, unknown> & { MaHoSoQuocGia: string }
  before(async () => {
    portal = await startFakeNationalPortal()
  })
  after(async () => {
    await portal.close()
  })
  const portalOptions = () => ({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 })
  const suite = browserSuite(
    async (t) => {
      const citizen = await signedIn(t, { citizen: { identityNumber: '056190006666', name: 'Đỗ Thị Đối Chiếu' } })
      const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
      lost = await runCommand(t, counter, await submitOnline(t, citizen), 'reception')
      const consumer = nationalPortalConsumer({
        db: t.database.db,
        client: portalClient(portalOptions()),
        publicBaseUrl: 'https://motcua.khanhhoa.gov.vn',
      })
      await relayOnce(t.database.db, [consumer])
      portal.records.delete(lost.code as string)
      national = inboundDossier(portal)
      portal.inbound.enqueue(national)
    },
    () => ({
      portalReconciliation: {
        listing: portalListingClient(portalOptions()),
        client: inboundClient(portalOptions()),
      },
    }),
  )

  test('the administrator compares a day, takes the missing national dossier in and re-sends the lost one', async () => {
    const { page } = await signedInPage(suite.browser, suite.baseUrl, 'provincial_admin')
    await page.goto(`${suite.baseUrl}/can-bo`)
    await page
      .getByRole('navigation', { name: 'Khu vực cán bộ' })
      .getByRole('link', { name: 'Đối soát Cổng DVCQG' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Đối soát hồ sơ với Cổng Dịch vụ công quốc gia' }).waitFor()
    await page.getByLabel('Từ ngày nộp').fill('2026-11-26')
    await page.getByLabel('Đến ngày nộp').fill('2026-11-26')
    await page.getByRole('button', { name: 'Đối soát ngay' }).click()
    await page.getByRole('status').filter({ hasText: 'Đã đối soát 2026-11-26 – 2026-11-26' }).waitFor()
    await page.getByRole('heading', { name: 'Cổng có, motcua thiếu (1)' }).waitFor()
    await page.getByRole('heading', { name: 'motcua có, Cổng thiếu (1)' }).waitFor()
    await assertAccessible(page, 'the reconciliation page')
    await screenshot(page, 'office-portal-reconciliation')

    await page.getByRole('button', { name: 'Lấy lại hồ sơ' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `Đã tiếp nhận hồ sơ ${national.MaHoSoQuocGia}` })
      .waitFor()
    await page.getByRole('button', { name: 'Gửi lại lên Cổng' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `Đã xếp hồ sơ ${lost.code}` })
      .waitFor()

    const intakes = await suite.t.database.db
      .selectFrom('portal_intakes')
      .select('state')
      .where('national_id', '=', national.MaHoSoQuocGia)
      .execute()
    const resends = await suite.t.database.db
      .selectFrom('outbox')
      .select('message_key')
      .where('topic', '=', 'portal.resync')
      .execute()
    assert.deepEqual([intakes.map((i) => i.state), resends.map((r) => r.message_key)], [['created'], [lost.id]])
  })
})
