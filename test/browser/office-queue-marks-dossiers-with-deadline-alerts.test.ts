import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { watchDeadlines } from '../../src/app/deadline-watch/watch-deadlines.ts'
import { workingDaysFromDatabase } from '../../src/store/calendar/working-days-cache.ts'
import { dossierCommands } from '../../src/store/dossiers/dossier-commands.ts'
import { dossierInAppraisal } from '../support/deadline-watch.ts'
import { requireTools } from '../support/debian-tools.ts'
import { fixedNow } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, signedInPage } from './support/browser.ts'

// The deadline watcher's alerts are marked in the office queue (issue 15 §4: "notification + queue
// mark"; rules.md "Deadline watcher"), in words as well as a symbol, Vietnamese first.

describe(`the office queue marks a dossier with its deadline alert, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  let code = ''
  const suite = browserSuite(async (t) => {
    const db = t.database.db
    const engine = dossierCommands(db, workingDaysFromDatabase(db))
    // Received Monday 16 Nov 2026: the 5 working days ended on Monday 23 Nov, before the app's "now".
    const { id } = await dossierInAppraisal(engine, new Date('2026-11-16T02:00:00Z'))
    await watchDeadlines({ db, engine }, fixedNow)
    const row = await db.selectFrom('dossiers').select('code').where('id', '=', id).executeTakeFirstOrThrow()
    code = row.code ?? ''
  })

  test('the specialist sees the overdue dossier marked as escalated to the leader', async () => {
    const { page } = await signedInPage(suite.browser, suite.baseUrl, 'specialist', 'xa-22333')
    await page.goto(`${suite.baseUrl}/can-bo`)
    const row = page.getByRole('row').filter({ hasText: code })
    await row.waitFor()
    assert.match((await row.textContent()) ?? '', /Quá hạn, đã chuyển lãnh đạo/)
    await assertAccessible(page, 'the office queue with an alert')
  })
})
