import assert from 'node:assert/strict'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { assigned, submitOnline } from '../support/http-dossier.ts'
import { signedIn, type TestApp } from '../support/test-app.ts'
import { act, officer } from './document-http.ts'

/** The lead agency of the demo birth registration, and the agency it consults. */
export const lead = 'xa-22333'
export const consulted = 'so-tu-phap'

type Office = Record<'clerk' | 'leader' | 'specialist', Awaited<ReturnType<typeof officer>>>

export async function officeOf(t: TestApp, agencyId: string): Promise<Office> {
  return {
    clerk: await officer(t, 'clerk', agencyId, `Văn thư ${agencyId}`),
    leader: await officer(t, 'leader', agencyId, `Lãnh đạo ${agencyId}`),
    specialist: await officer(t, 'specialist', agencyId, `Chuyên viên ${agencyId}`),
  }
}

/** A dossier of the demo commune received, transferred and assigned to `lead`'s specialist: in appraisal. */
export async function dossierInAppraisal(t: TestApp, office: Office, identityNumber: string): Promise<DossierView> {
  const citizen = await signedIn(t, { citizen: { identityNumber, name: 'Nguyễn Văn Hỏi' } })
  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  return assigned(
    t,
    { counter, leader: office.leader.headers, specialist: office.specialist.headers },
    await submitOnline(t, citizen),
  )
}

export const letter = (toAgencyId = consulted) => ({
  toAgencyId,
  subject: 'Lấy ý kiến về hồ sơ đăng ký khai sinh',
  body: 'Đề nghị Sở Tư pháp cho ý kiến về hồ sơ.',
  urgency: 'normal',
  draftingUnit: 'VP',
})

export async function draftLetter(t: TestApp, who: { headers: Record<string, string> }, ref: string, body = letter()) {
  return t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${ref}/consultation-letters`,
    headers: who.headers,
    payload: body,
  })
}

/** Submitted, reviewed and approved by `office`: the clerk's to number and issue. */
export async function approve(t: TestApp, office: Office, id: string): Promise<void> {
  for (const [who, path, body] of [
    [office.specialist, 'submission', {}],
    [office.leader, 'review', { note: null }],
    [office.leader, 'approval', { signerTitle: 'CHỦ TỊCH' }],
  ] as const) {
    const res = await act(t, who, id, path, body)
    assert.equal(res.statusCode, 200, `${path}: ${res.body}`)
  }
}

export async function dossierAs(t: TestApp, who: { headers: Record<string, string> }, ref: string) {
  const res = await t.app.inject({ url: `/api/dossiers/${ref}`, headers: who.headers })
  assert.equal(res.statusCode, 200, res.body)
  return res.json<DossierView>()
}
