import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { marriageRegistration } from '../demo/khanh-hoa/forms/marriage-registration.ts'
import {
  declarationSchema,
  identityNumber,
  isoDate,
  object,
  personName,
} from '../src/domain/declarations/field-kinds.ts'
import type { FormDefinition } from '../src/domain/declarations/form-definition.ts'
import { type IdentityClaims, type PrefillValue, prefillFor } from '../src/domain/declarations/prefill.ts'
import type { Problem } from '../src/http/problem.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { findOrCreateCitizen } from '../src/store/identity/users.ts'
import { assigned, runCommand } from './support/http-dossier.ts'
import { createTestApp, fixedNow, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const form = marriageRegistration({
  provinceCode: '56',
  communes: [{ code: '22333', name: 'Phường Bắc Nha Trang' }],
  attachments: [],
})
const home = { province: '56', commune: '22333', street: '12 Trần Phú' }
const groom: IdentityClaims = {
  name: 'Trần Văn Nam',
  identityNumber: '056096004321',
  birthDate: '1996-11-03',
  sex: 'male',
  address: home,
}
const byPath = (values: readonly PrefillValue[]) => Object.fromEntries(values.map((v) => [v.path, v]))

describe('prefillFor on the marriage registration form', () => {
  test('a man signed in with VNeID fills the groom’s own fields, each marked as from VNeID', () => {
    assert.deepEqual(prefillFor(form, groom, []), [
      { path: 'husband/fullName', value: 'Trần Văn Nam', source: 'vneid' },
      { path: 'husband/birthDate', value: '1996-11-03', source: 'vneid' },
      { path: 'husband/residence', value: home, source: 'vneid' },
      { path: 'husband/identityNumber', value: '056096004321', source: 'vneid' },
    ])
  })

  test('a woman fills the bride’s fields: the form fixes each side’s sex by its identity rule', () => {
    const bride = { ...groom, name: 'Nguyễn Thị Lan', identityNumber: '056198001234', sex: 'female' as const }
    const paths = prefillFor(form, bride, []).map((v) => v.path)
    assert.deepEqual(paths, ['wife/fullName', 'wife/birthDate', 'wife/residence', 'wife/identityNumber'])
  })

  test('without a sex claim, the identity number’s century-and-sex digit picks the side', () => {
    const unsexed = { ...groom, sex: null, identityNumber: '056198001234', name: 'Nguyễn Thị Lan' }
    assert.equal(prefillFor(form, unsexed, [])[0]?.path, 'wife/fullName')
  })

  test('a claim the field would refuse is not offered (a birth date that is not a date, a foreign address)', () => {
    const odd = { ...groom, birthDate: '03/11/1996', address: { region: 'Hà Nội', locality: 'Ba Đình' } }
    assert.deepEqual(
      prefillFor(form, odd, []).map((v) => v.path),
      ['husband/fullName', 'husband/identityNumber'],
    )
  })

  test('an OpenID Connect address claim is read as province (region), commune (locality) and street', () => {
    const oidc = { ...groom, address: { region: '56', locality: '22333', street_address: '12 Trần Phú' } }
    assert.deepEqual(byPath(prefillFor(form, oidc, []))['husband/residence']?.value, home)
  })

  test('earlier declarations fill the same paths, newest valid value first, naming the dossier', () => {
    const earlier = [
      { dossierCode: 'H56.22.333-261120-0002', data: { husband: { ethnicity: 'not-a-code', marriageCount: 2 } } },
      {
        dossierCode: 'H56.22.333-250101-0001',
        data: { husband: { ethnicity: '01', nationality: 'VN' }, children: [{ fullName: 'Bé' }] },
      },
    ]
    const values = byPath(prefillFor(form, groom, earlier))
    assert.deepEqual(values['husband/ethnicity'], {
      path: 'husband/ethnicity',
      value: '01',
      source: 'earlier-declaration',
      dossierCode: 'H56.22.333-250101-0001',
    })
    assert.equal(values['husband/marriageCount']?.dossierCode, 'H56.22.333-261120-0002')
    assert.equal(values['husband/fullName']?.source, 'vneid', 'VNeID wins for the applicant’s own fields')
    assert.equal(values.children, undefined, 'a path the form does not have is never offered')
  })

  test('without VNeID claims only earlier declarations answer, and a dossier not yet received has no code', () => {
    const values = prefillFor(form, null, [{ dossierCode: null, data: { wife: { fullName: 'Nguyễn Thị Lan' } } }])
    assert.deepEqual(values, [{ path: 'wife/fullName', value: 'Nguyễn Thị Lan', source: 'earlier-declaration' }])
  })
})

describe('prefillFor on a form that names its applicant', () => {
  const t = (vi: string) => ({ vi, en: vi })
  const applicantForm: FormDefinition = {
    ...form,
    schema: declarationSchema(
      'https://example.invalid/forms/x/1',
      object({
        child: object({ fullName: personName, birthDate: isoDate }),
        applicant: object({ fullName: personName, identityNumber, age: { type: 'integer' } }),
      }),
    ),
    layout: {
      steps: [
        {
          id: 'all',
          title: t('Tờ khai'),
          sections: [
            {
              id: 'child',
              title: t('Người được khai sinh'),
              fields: [
                { path: 'child/fullName', label: t('Họ tên') },
                { path: 'child/birthDate', label: t('Ngày sinh') },
              ],
            },
            {
              id: 'applicant',
              title: t('Người yêu cầu'),
              fields: [
                {
                  path: 'applicant',
                  label: t('Người yêu cầu'),
                  widget: 'group',
                  fields: [
                    { path: 'fullName', label: t('Họ tên') },
                    { path: 'identityNumber', label: t('Số định danh') },
                    { path: 'age', label: t('Tuổi') },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    rules: [],
    computed: [{ kind: 'age-in-years', path: 'applicant/age', from: 'child/birthDate' }],
  }

  test('the `applicant` person takes the claims even when another person comes first', () => {
    assert.deepEqual(
      prefillFor(applicantForm, groom, []).map((v) => v.path),
      ['applicant/fullName', 'applicant/identityNumber'],
    )
  })

  test('a computed field is never offered, whatever an earlier declaration held', () => {
    const values = prefillFor(applicantForm, null, [{ dossierCode: 'X', data: { applicant: { age: 30 } } }])
    assert.deepEqual(values, [])
  })
})

describe(`GET /api/procedures/{code}/prefill on ${engineName}`, () => {
  let t: TestApp
  let earlier: DossierView
  const nam = { identityNumber: '056096004321', name: 'Trần Văn Nam' }
  const declared = {
    wife: {
      fullName: 'Nguyễn Thị Lan',
      birthDate: '1998-04-12',
      ethnicity: '01',
      nationality: 'VN',
      residence: { province: '56', commune: '22333', street: '12 Trần Phú' },
      identityNumber: '056198001234',
      marriageCount: 1,
    },
    husband: {
      fullName: 'Trần Văn Nam',
      birthDate: '1996-11-03',
      ethnicity: '01',
      nationality: 'VN',
      residence: { province: '56', commune: '22333', street: '12 Trần Phú' },
      identityNumber: '056096004321',
      marriageCount: 1,
    },
  }
  const prefill = (headers: Record<string, string>, code = '1.000894') =>
    t.app.inject({ method: 'GET', url: `/api/procedures/${code}/prefill`, headers })

  const submitMarriage = async (headers: Record<string, string>, declaration: object) => {
    const form = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.000894' })).json<{
      form: { version: number }
    }>().form
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      payload: {
        procedureCode: '1.000894',
        receivingAgencyId: 'ttpvhcc-22333',
        channel: 2,
        applicant: {
          id: 'x',
          kind: 'citizen',
          name: 'x',
          identityNumber: null,
          phone: null,
          email: null,
          address: null,
        },
        components: [],
        declaration,
        formVersion: form.version,
      },
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    return submitted.json<DossierView>()
  }

  before(async () => {
    t = await createTestApp()
    await findOrCreateCitizen(
      t.database.db,
      {
        ...nam,
        vouched: {
          birthDate: '1996-11-03',
          sex: 'male',
          address: { region: '56', locality: '22333', street_address: '5 Lê Lợi' },
        },
      },
      fixedNow,
    )
    const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    earlier = await runCommand(
      t,
      counter,
      await submitMarriage(await signedIn(t, { citizen: nam }), declared),
      'reception',
    )
  })
  after(async () => t.close())

  test('a VNeID citizen gets their own fields from VNeID and the rest from their earlier declaration', async () => {
    const res = await prefill(await signedIn(t, { citizen: nam }))
    assert.equal(res.statusCode, 200, res.body)
    const values = byPath(res.json<{ values: PrefillValue[] }>().values)
    assert.deepEqual(values['husband/birthDate'], { path: 'husband/birthDate', value: '1996-11-03', source: 'vneid' })
    assert.deepEqual(values['husband/residence'], {
      path: 'husband/residence',
      value: { province: '56', commune: '22333', street: '5 Lê Lợi' },
      source: 'vneid',
    })
    assert.ok(earlier.code)
    assert.deepEqual(values['wife/fullName'], {
      path: 'wife/fullName',
      value: 'Nguyễn Thị Lan',
      source: 'earlier-declaration',
      dossierCode: earlier.code,
    })
    assert.equal(values['husband/ethnicity']?.source, 'earlier-declaration')
  })

  test('a session that is not VNeID gets nothing from the identity, only earlier declarations', async () => {
    const res = await prefill(await signedIn(t, { citizen: nam, method: 'demo' }))
    const sources = new Set(res.json<{ values: PrefillValue[] }>().values.map((v) => v.source))
    assert.deepEqual([...sources], ['earlier-declaration'])
  })

  test('another citizen’s declarations are never offered', async () => {
    const res = await prefill(
      await signedIn(t, { citizen: { identityNumber: '056198001234', name: 'Nguyễn Thị Lan' } }),
    )
    assert.equal(res.statusCode, 200, res.body)
    const values = res.json<{ values: PrefillValue[] }>().values
    assert.ok(
      values.every((v) => v.source === 'vneid'),
      JSON.stringify(values),
    )
  })

  test('a value the applicant corrected on supplement request is offered as corrected', async () => {
    const headers = await signedIn(t, { citizen: { identityNumber: '056096007777', name: 'Lê Văn Sửa' } })
    const husband = { ...declared.husband, fullName: 'Lê Văn Sửa', identityNumber: '056096007777' }
    const officers = {
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
      leader: await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] }),
      specialist: await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }], name: 'Võ Đức Sơn' }),
    }
    let d = await assigned(t, officers, await submitMarriage(headers, { ...declared, husband }))
    d = await runCommand(t, officers.specialist, d, 'supplement-requests', {
      items: ['Ngày sinh bên nữ không khớp giấy tờ tùy thân'],
      reason: 'Sai ngày sinh',
      fields: ['wife/birthDate'],
    })
    await runCommand(t, headers, d, 'supplements', {
      components: [],
      corrections: [{ path: 'wife/birthDate', value: '1998-04-13' }],
    })
    const values = byPath((await prefill(headers)).json<{ values: PrefillValue[] }>().values)
    assert.deepEqual(values['wife/birthDate']?.value, '1998-04-13')
    assert.equal(values['wife/birthDate']?.dossierCode, d.code)
  })

  test('an unknown procedure is a 404 problem; an officer has nothing to prefill (403)', async () => {
    const unknown = await prefill(await signedIn(t, { citizen: nam }), '9.999999')
    assert.equal(unknown.statusCode, 404)
    assert.equal(unknown.json<Problem>().type, 'urn:motcua:problem:procedureNotFound')
    const officer = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    assert.equal((await prefill(officer)).statusCode, 403)
  })
})
