import { randomUUID } from 'node:crypto'
import type { StaffRole } from '../../src/domain/access/principal.ts'
import { sessionCookie } from '../../src/http/auth/access-control.ts'
import { createSession } from '../../src/store/identity/sessions.ts'
import { createOfficer } from '../../src/store/identity/users.ts'
import { fixedNow, type TestApp } from '../support/test-app.ts'

export const sender = 'so-tu-phap'
export const receiver = 'so-noi-vu'

/** A signed-in officer with one role at one agency: their session headers and user id. */
export async function officer(t: TestApp, role: StaffRole, agencyId: string, name = 'Cán bộ kiểm thử') {
  const db = t.database.db
  const userId = await createOfficer(
    db,
    { username: `doc-${randomUUID()}`, name, password: randomUUID(), grants: [{ role, agencyId }] },
    fixedNow,
  )
  const session = await createSession(db, userId, 'password', new Date())
  return { userId, headers: { cookie: `${sessionCookie}=${session.token}`, 'x-csrf-token': session.csrfToken } }
}

/** A công văn's template fields, to Sở Nội vụ; `overrides` change single fields. */
export const draftContent = (overrides: Record<string, unknown> = {}) => ({
  type: 'cong-van',
  subject: 'Lấy ý kiến về hồ sơ đăng ký khai sinh',
  body: 'Sở Tư pháp đề nghị Sở Nội vụ cho ý kiến về hồ sơ.\nTrân trọng.',
  urgency: 'urgent',
  confidentiality: 'none',
  draftingUnit: 'VP',
  recipients: [{ kind: 'agency', agencyId: receiver }],
  replyTo: null,
  ...overrides,
})

export type Caller = { readonly headers: Record<string, string> }

export async function draft(t: TestApp, who: Caller, overrides: Record<string, unknown> = {}, agencyId = sender) {
  return t.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: who.headers,
    payload: { agencyId, content: draftContent(overrides) },
  })
}

export async function act(t: TestApp, who: Caller, id: string, path: string, payload: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/documents/${id}/${path}`, headers: who.headers, payload })
}

/** The staff of the sending agency, and a document driven from draft to numbered (or `until`). */
export async function sendingOffice(t: TestApp) {
  return {
    specialist: await officer(t, 'specialist', sender, 'Trần Văn Soạn'),
    leader: await officer(t, 'leader', sender, 'Nguyễn Thị Lãnh Đạo'),
    clerk: await officer(t, 'clerk', sender, 'Lê Văn Thư'),
  }
}

export async function approvedDocument(t: TestApp, office: Awaited<ReturnType<typeof sendingOffice>>, overrides = {}) {
  const drafted = (await draft(t, office.specialist, overrides)).json()
  await act(t, office.specialist, drafted.id, 'submission')
  await act(t, office.leader, drafted.id, 'review', { note: null })
  await act(t, office.leader, drafted.id, 'approval', { signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' })
  return drafted.id as string
}
