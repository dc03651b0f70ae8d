import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { marriageRegistration } from '../../demo/khanh-hoa/forms/marriage-registration.ts'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import type { TestApp } from './test-app.ts'

/** The demo marriage form (1.000894) on a one-commune unit tree, and a declaration made on it. */
export const marriageForm = marriageRegistration({
  provinceCode: '56',
  communes: [{ code: '22333', name: 'Phường Bắc Nha Trang' }],
  attachments: [],
})

/** A declaration of the marriage form: a Vietnamese bride and a Korean groom (passport instead of identity number). */
export const marriageData = {
  wife: {
    fullName: 'Nguyễn Thị Hồng Nhung',
    birthDate: '1998-03-09',
    ethnicity: '01',
    nationality: 'VN',
    residence: { province: '56', commune: '22333', street: '12 Trần Phú' },
    identityNumber: '056198001234',
    marriageCount: 1,
  },
  husband: {
    fullName: 'Kim Min-jun',
    birthDate: '1995-11-20',
    ethnicity: '01',
    nationality: 'KR',
    residence: { province: '56', commune: '22333', street: '7 Lê Thánh Tôn' },
    passportNumber: 'M12345678',
    marriageCount: 2,
  },
}

const spouse = (fullName: string, birthDate: string, identityNumber: string, street: string) => ({
  fullName,
  birthDate,
  ethnicity: '01',
  nationality: 'VN',
  residence: { province: '56', commune: '22333', street },
  identityNumber,
  marriageCount: 1,
})

/** A fresh declaration of two Vietnamese citizens (identity numbers agreeing with birth year and sex), to mutate. */
export const vietnameseCouple = () => ({
  wife: spouse('Nguyễn Thị Lan', '1998-04-12', '056198001234', '12 Trần Phú'),
  husband: spouse('Trần Văn Nam', '1996-11-03', '056096004321', '40 Yersin'),
})

export const placeNames = { provinces: { '56': 'Khánh Hòa' }, communes: { '22333': 'Phường Bắc Nha Trang' } }

/** Submits the marriage declaration online as the signed-in citizen of `headers`; fails the test unless 201. */
export async function submitMarriage(t: TestApp, headers: Record<string, string>): Promise<DossierView> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    payload: {
      procedureCode: '1.000894',
      receivingAgencyId: 'ttpvhcc-22333',
      channel: 2,
      applicant: { id: 'x', kind: 'citizen', name: 'x', identityNumber: null, phone: null, email: null, address: null },
      components: [],
      declaration: marriageData,
      formVersion: marriageForm.version,
    },
  })
  assert.equal(res.statusCode, 201, res.body)
  return res.json<DossierView>()
}
