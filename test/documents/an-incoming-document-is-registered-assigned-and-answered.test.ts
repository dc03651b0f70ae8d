import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { act, approvedDocument, officer, receiver, sendingOffice } from './document-http.ts'

let t: TestApp
let office: Awaited<ReturnType<typeof sendingOffice>>
let receiving: Record<'clerk' | 'leader' | 'specialist', Awaited<ReturnType<typeof officer>>>

/** Issues a document of Sở Tư pháp to Sở Nội vụ; returns the incoming document's id there. */
async function arrival(): Promise<string> {
  const id = await approvedDocument(t, office)
  await act(t, office.clerk, id, 'numbering')
  return (await act(t, office.clerk, id, 'issuance')).json().outgoing.delivered[0].documentId
}

before(async () => {
  t = await createTestApp()
  office = await sendingOffice(t)
  receiving = {
    clerk: await officer(t, 'clerk', receiver, 'Văn thư Sở Nội vụ'),
    leader: await officer(t, 'leader', receiver, 'Giám đốc Sở Nội vụ'),
    specialist: await officer(t, 'specialist', receiver, 'Chuyên viên Sở Nội vụ'),
  }
})
after(() => t.close())

test('arrival numbers run 1, 2 in the receiving agency’s incoming register of the year', async () => {
  const first = await act(t, receiving.clerk, await arrival(), 'registration')
  const second = await act(t, receiving.clerk, await arrival(), 'registration')
  assert.deepEqual([first.json().number, second.json().number], [1, 2])
})

test('the leader assigns a registered document to a specialist with a deadline and an opinion', async () => {
  const id = await arrival()
  await act(t, receiving.clerk, id, 'registration')
  const assigned = await act(t, receiving.leader, id, 'assignment', {
    handlerId: receiving.specialist.userId,
    dueOn: '2026-12-04',
    opinion: 'Giao chuyên viên tham mưu trả lời',
  })
  assert.deepEqual([assigned.json().status, assigned.json().incoming.dueOn], ['assigned', '2026-12-04'])
})

test('a handler from another agency is refused and nothing changes', async () => {
  const id = await arrival()
  await act(t, receiving.clerk, id, 'registration')
  const refused = await act(t, receiving.leader, id, 'assignment', {
    handlerId: office.specialist.userId,
    dueOn: null,
    opinion: 'Giao xử lý',
  })
  const now = await t.app.inject({ url: `/api/documents/${id}`, headers: receiving.leader.headers })
  assert.deepEqual([refused.statusCode, now.json().document.status], [400, 'registered'])
})

test('the handler answers with an issued outgoing document of the agency and the incoming one is answered', async () => {
  const id = await arrival()
  await act(t, receiving.clerk, id, 'registration')
  await act(t, receiving.leader, id, 'assignment', {
    handlerId: receiving.specialist.userId,
    dueOn: null,
    opinion: 'Trả lời',
  })
  await act(t, receiving.specialist, id, 'opinions', { text: 'Đề xuất đồng ý' })
  const reply = (
    await t.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: receiving.specialist.headers,
      payload: {
        agencyId: receiver,
        content: {
          type: 'cong-van',
          subject: 'Trả lời về hồ sơ',
          body: 'Sở Nội vụ thống nhất.',
          urgency: 'normal',
          confidentiality: 'none',
          draftingUnit: 'VP',
          recipients: [{ kind: 'agency', agencyId: 'so-tu-phap' }],
          replyTo: id,
        },
      },
    })
  ).json()
  await act(t, receiving.specialist, reply.id, 'submission')
  await act(t, receiving.leader, reply.id, 'review', { note: null })
  await act(t, receiving.leader, reply.id, 'approval', { signerTitle: 'GIÁM ĐỐC' })
  await act(t, receiving.clerk, reply.id, 'numbering')
  await act(t, receiving.clerk, reply.id, 'issuance')
  const answered = await act(t, receiving.specialist, id, 'answer', { replyId: reply.id })
  assert.deepEqual([answered.json().status, answered.json().incoming.replyId], ['answered', reply.id])
})

test('the incoming document’s trail names every step from arrival to assignment', async () => {
  const id = await arrival()
  await act(t, receiving.clerk, id, 'registration')
  await act(t, receiving.leader, id, 'assignment', {
    handlerId: receiving.specialist.userId,
    dueOn: null,
    opinion: 'Xử lý',
  })
  const view = await t.app.inject({ url: `/api/documents/${id}`, headers: receiving.clerk.headers })
  assert.deepEqual(
    view.json().trail.map((e: { type: string }) => e.type),
    ['arrived', 'registered', 'assigned'],
  )
})

test('staff of another agency may not read the incoming document', async () => {
  const id = await arrival()
  const read = await t.app.inject({ url: `/api/documents/${id}`, headers: office.clerk.headers })
  assert.equal(read.statusCode, 403)
})
