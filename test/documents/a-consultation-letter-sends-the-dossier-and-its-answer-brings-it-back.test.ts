import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { approve, consulted, dossierAs, dossierInAppraisal, draftLetter, lead, officeOf } from './consultation-http.ts'
import { act } from './document-http.ts'

let t: TestApp
let leadOffice: Awaited<ReturnType<typeof officeOf>>
let consultedOffice: Awaited<ReturnType<typeof officeOf>>
let dossier: DossierView
let letterId: string
let copyAtConsulted: string
let sent: DossierView
let answerId: string
let back: DossierView

/** The whole round trip once, each test below checking one of its outcomes. */
before(async () => {
  t = await createTestApp()
  leadOffice = await officeOf(t, lead)
  consultedOffice = await officeOf(t, consulted)
  dossier = await dossierInAppraisal(t, leadOffice, '056190007001')
  const drafted = await draftLetter(t, leadOffice.specialist, dossier.code as string)
  assert.equal(drafted.statusCode, 201, drafted.body)
  letterId = drafted.json().id
  await approve(t, leadOffice, letterId)
  assert.equal((await act(t, leadOffice.clerk, letterId, 'numbering')).statusCode, 200)
  const issued = await act(t, leadOffice.clerk, letterId, 'issuance')
  assert.equal(issued.statusCode, 200, issued.body)
  copyAtConsulted = issued.json().outgoing.delivered[0].documentId
  sent = await dossierAs(t, leadOffice.leader, dossier.code as string)

  await act(t, consultedOffice.clerk, copyAtConsulted, 'registration')
  await act(t, consultedOffice.leader, copyAtConsulted, 'assignment', {
    handlerId: consultedOffice.specialist.userId,
    dueOn: null,
    opinion: 'Tham mưu trả lời',
  })
  const reply = await t.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: consultedOffice.specialist.headers,
    payload: {
      agencyId: consulted,
      content: {
        type: 'cong-van',
        subject: 'Ý kiến về hồ sơ đăng ký khai sinh',
        body: 'Sở Tư pháp thống nhất.',
        urgency: 'normal',
        confidentiality: 'none',
        draftingUnit: 'VP',
        recipients: [{ kind: 'agency', agencyId: lead }],
        replyTo: copyAtConsulted,
      },
    },
  })
  assert.equal(reply.statusCode, 201, reply.body)
  answerId = reply.json().id
  await approve(t, consultedOffice, answerId)
  assert.equal((await act(t, consultedOffice.clerk, answerId, 'numbering')).statusCode, 200)
  const answered = await act(t, consultedOffice.clerk, answerId, 'issuance')
  assert.equal(answered.statusCode, 200, answered.body)
  back = await dossierAs(t, leadOffice.leader, dossier.code as string)
})
after(() => t.close())

test('an issued consultation letter puts the dossier at the consulted agency with its time share running', () => {
  assert.deepEqual(
    [sent.holderAgencyId, sent.currentStep?.phase, sent.currentStep?.agencyId, typeof sent.currentStep?.dueAt],
    [consulted, 'coordination', consulted, 'string'],
  )
})

test('the issued answer returns the dossier to the lead agency’s appraisal', () => {
  assert.deepEqual([back.holderAgencyId, back.currentStep?.phase], [lead, 'appraisal'])
})

test('the dossier lists the letter and the answer’s incoming copy, the answer naming the letter', async () => {
  const res = await t.app.inject({
    url: `/api/dossiers/${dossier.code}/documents`,
    headers: leadOffice.specialist.headers,
  })
  const items = res.json().items as {
    role: string
    replyTo: string | null
    document: { id: string; direction: string; status: string }
  }[]
  // Both were linked at the test's fixed instant, so their order is the ids'; compared by role.
  const byRole = items.map((i) => [i.role, i.document.direction, i.document.status, i.replyTo]).sort()
  assert.deepEqual(byRole, [
    ['consultation_answer', 'incoming', 'arrived', letterId],
    ['consultation_letter', 'outgoing', 'issued', null],
  ])
})

test('the transfer, the link and the answer are each audited', async () => {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject', '=', `dossier:${dossier.id}`)
    .where('action', 'like', 'dossier.consultation-%')
    .orderBy('id')
    .execute()
  assert.deepEqual(
    rows.map((r) => r.action),
    ['dossier.consultation-drafted', 'dossier.consultation-sent', 'dossier.consultation-answered'],
  )
})
