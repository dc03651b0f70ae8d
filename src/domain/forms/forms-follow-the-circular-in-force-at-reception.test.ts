import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, Story } from '../../../test/support/dossier-fixtures.ts'
import { formContext } from '../../../test/support/form-context.ts'
import { dayOf } from '../calendar/local-time.ts'
import { buildDossierForm, buildTrackingBook } from './build.ts'
import type { DossierFormNumber, FormDocument } from './form-document.ts'

// Circular 03/2025/TT-VPCP (Annex I, Mẫu số 01–07) for dossiers received from 15 September 2025, the day
// Decree 118/2025/NĐ-CP took effect; Circular 01/2018/TT-VPCP (Mẫu số 01–06) before. The edition is
// fixed by the day of reception, Vietnam time (docs/rules.md "Forms 01–07").

const received = (day: string, time = '09:00') => new Story().submit(`${day}T08:00`).receive(`${day}T${time}`)
const transferred = (day: string) => received(day).do(`${day}T10:00`, { action: 'transfer', actor: actors.counter })

/** A dossier received on `day` at the point where form `n` applies. */
const dossierFor: Record<DossierFormNumber, (day: string) => Story> = {
  '01': (day) => received(day),
  '02': (day) =>
    transferred(day).do(`${day}T11:00`, {
      action: 'request-supplement',
      actor: actors.specialist,
      items: ['Bản sao Giấy chứng nhận kết hôn'],
      reason: 'Thiếu giấy tờ',
      exception: null,
    }),
  '03': (day) =>
    new Story().submit(`${day}T08:00`).do(`${day}T09:00`, {
      action: 'reject-reception',
      actor: actors.counter,
      reason: 'Không thuộc thẩm quyền',
      legalBasis: 'Điều 19 Nghị định 61/2018/NĐ-CP',
    }),
  '04': (day) =>
    transferred(day).do(`${day}T11:00`, {
      action: 'issue-apology',
      actor: actors.leader,
      reason: 'Chờ xác minh',
      newAppointmentAt: at('2025-09-30T16:00'),
    }),
  '05': (day) =>
    transferred(day).do(`${day}T11:00`, {
      action: 'stop',
      actor: actors.leader,
      reason: 'Không đủ điều kiện',
      legalBasis: 'Điều 41 Luật Xây dựng',
    }),
  '06': (day) => received(day),
}

const form = (n: DossierFormNumber, s: Story): FormDocument => {
  const document = buildDossierForm(n, s.dossier, formContext)
  assert.ok(document, `form ${n} applies`)
  return document
}

const circular2018 = 'Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ'
const circular2025 = 'Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ'

/** Title and form number of each form in each edition. */
const expected: Record<DossierFormNumber, { 2018: [string, string | null]; 2025: [string, string] }> = {
  '01': {
    2018: ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Mẫu số 01'],
    2025: ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Mẫu số 01'],
  },
  '02': {
    2018: ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Mẫu số 02'],
    2025: ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Mẫu số 02'],
  },
  '03': {
    2018: ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Mẫu số 03'],
    2025: ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Mẫu số 03'],
  },
  '04': {
    2018: ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Mẫu số 04'],
    2025: ['VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', 'Mẫu số 04'],
  },
  // Circular 01/2018 has no stop notice: ours, without a form number.
  '05': {
    2018: ['THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ', null],
    2025: ['THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'Mẫu số 05'],
  },
  // The control sheet is Mẫu số 05 of Circular 01/2018 and Mẫu số 06 of Circular 03/2025.
  '06': {
    2018: ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Mẫu số 05'],
    2025: ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Mẫu số 06'],
  },
}

for (const n of Object.keys(dossierFor) as DossierFormNumber[]) {
  test(`form ${n}: received on 14 September 2025 it follows Circular 01/2018, on 15 September 2025 Circular 03/2025`, () => {
    const before = form(n, dossierFor[n]('2025-09-14'))
    const after = form(n, dossierFor[n]('2025-09-15'))
    assert.deepEqual([before.title, before.formLabel], expected[n][2018])
    assert.deepEqual([after.title, after.formLabel], expected[n][2025])
    assert.ok(before.basis.endsWith(circular2018), before.basis)
    assert.ok(after.basis.endsWith(circular2025), after.basis)
  })
}

test('form 07: a tracking book from 14 September 2025 is Mẫu số 06 of Circular 01/2018, from 15 September Mẫu số 07 of 03/2025', () => {
  const book = (day: string) => {
    const d = received(day).dossier
    const first = dayOf(d.receivedAt as number)
    return buildTrackingBook([d], {
      ...formContext,
      agencyId: d.receivingAgencyId,
      procedureNames: {},
      from: first,
      to: first,
    })
  }
  const before = book('2025-09-14')
  const after = book('2025-09-15')
  assert.deepEqual(
    [before.title, before.formLabel, before.basis],
    ['SỔ THEO DÕI HỒ SƠ', 'Mẫu số 06', `Mẫu số 06 ban hành kèm theo ${circular2018}`],
  )
  assert.deepEqual(
    [after.title, after.formLabel, after.basis],
    ['SỔ THEO DÕI HỒ SƠ', 'Mẫu số 07', `Mẫu số 07 ban hành kèm theo ${circular2025}`],
  )
})

test('the local day of reception decides: 23:59 on 14 September is 2018; submitted on 12 September, received on the 15th is 2025', () => {
  const dayBefore = new Story().submit('2025-09-14T08:00').receive('2025-09-14T23:59')
  assert.equal(form('06', dayBefore).formLabel, 'Mẫu số 05')
  const dayOf15 = new Story().submit('2025-09-12T08:00').receive('2025-09-15T00:05')
  assert.equal(form('06', dayOf15).formLabel, 'Mẫu số 06')
})

test('the file name carries the number the edition prints', () => {
  assert.match(form('06', dossierFor['06']('2025-09-14')).fileName, /^mau-05-/)
  assert.match(form('06', dossierFor['06']('2025-09-15')).fileName, /^mau-06-/)
  assert.match(form('05', dossierFor['05']('2025-09-14')).fileName, /^thong-bao-dung-/)
})
