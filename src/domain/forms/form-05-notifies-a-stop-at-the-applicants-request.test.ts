import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story } from '../../../test/support/dossier-fixtures.ts'
import { formContext } from '../../../test/support/form-context.ts'
import { buildDossierForm } from './build.ts'
import type { FormDocument } from './form-document.ts'

// Circular 03/2025/TT-VPCP, Mẫu số 05 (Thông báo dừng giải quyết hồ sơ): the agency notifies a stop in
// writing — its own stop (status 8), or one the applicant asked for and the agency accepted (status 7),
// citing that request.

const requested = () =>
  new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-25T09:00', { action: 'request-withdrawal', actor: actors.applicant, reason: 'Không còn nhu cầu' })

const text = (doc: FormDocument | null) => JSON.stringify(doc?.blocks ?? [])

test('an accepted withdrawal prints form 05 citing the applicant and the day of the request, signed by the deciding leader', () => {
  const s = requested().do('2026-11-26T10:00', {
    action: 'decide-withdrawal',
    actor: actors.leader,
    accepted: true,
    note: '',
  })
  const doc = buildDossierForm('05', s.dossier, formContext)
  assert.equal(doc?.title, 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ')
  assert.ok(
    text(doc).includes(
      `Căn cứ đề nghị dừng giải quyết hồ sơ của Ông/Bà ${actors.applicant.name} ngày 25 tháng 11 năm 2026`,
    ),
    text(doc),
  )
  assert.ok(text(doc).includes('Không còn nhu cầu'))
  assert.ok(text(doc).includes('10 giờ 00 phút, ngày 26 tháng 11 năm 2026'), 'stopped when the agency decided')
  assert.ok(text(doc).includes(`"name":"${actors.leader.name}"`))
})

test('a pending or refused request prints nothing; a withdrawal before reception is not a stop the agency notifies', () => {
  assert.equal(buildDossierForm('05', requested().dossier, formContext), null)
  const refused = requested().do('2026-11-26T10:00', {
    action: 'decide-withdrawal',
    actor: actors.leader,
    accepted: false,
    note: 'Hồ sơ đã trình ký',
  })
  assert.equal(buildDossierForm('05', refused.dossier, formContext), null)
  const early = new Story()
    .submit('2026-11-23T20:00')
    .do('2026-11-24T08:00', { action: 'withdraw', actor: actors.applicant, reason: 'Nộp nhầm thủ tục' })
  assert.equal(buildDossierForm('05', early.dossier, formContext), null)
})

test("the agency's own stop prints its reason and legal basis, and no request", () => {
  const s = requested()
    .do('2026-11-26T10:00', {
      action: 'decide-withdrawal',
      actor: actors.leader,
      accepted: false,
      note: 'Chưa đủ căn cứ',
    })
    .do('2026-11-27T10:00', {
      action: 'stop',
      actor: actors.leader,
      reason: 'Người nộp không bổ sung hồ sơ',
      legalBasis: 'Nghị định 118/2025/NĐ-CP',
    })
  const doc = buildDossierForm('05', s.dossier, formContext)
  assert.equal(doc?.formLabel, 'Mẫu số 05')
  assert.ok(text(doc).includes('Nghị định 118/2025/NĐ-CP'))
  assert.ok(!text(doc).includes('Căn cứ đề nghị dừng'))
})
