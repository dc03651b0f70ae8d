import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { Validator } from '@cfworker/json-schema'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { ProcedureDetail } from '../src/domain/catalog/procedure-views.ts'
import type { FormDefinition } from '../src/domain/declarations/form-definition.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { sampleOf } from './support/declaration-arbitrary.ts'
import { assigned, runCommand } from './support/http-dossier.ts'
import { vietnameseCouple } from './support/marriage-declaration.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

type Problem = { status: number; errors?: { path: string; message: string; en?: string }[]; type: string }

const marriage = vietnameseCouple

describe(`declarations over HTTP on ${engineName}`, () => {
  let t: TestApp
  let who: Record<string, Record<string, string>>
  let form: FormDefinition
  before(async () => {
    t = await createTestApp()
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056198001234', name: 'Nguyễn Thị Lan' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
      leader: await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] }),
      specialist: await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }], name: 'Võ Đức Sơn' }),
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/procedures/1.000894' })
    assert.equal(res.statusCode, 200, res.body)
    const found = res.json<ProcedureDetail>().form
    assert.ok(found, 'marriage registration has a form')
    form = found as FormDefinition
  })
  after(async () => t.close())

  const submit = (declaration: unknown, formVersion: number | undefined = form.version) =>
    t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...who.citizen, 'idempotency-key': randomUUID() },
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
        ...(declaration === undefined ? {} : { declaration }),
        ...(formVersion === undefined ? {} : { formVersion }),
      },
    })
  const dossierCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  test('the published schema is plain JSON Schema 2020-12: ajv and @cfworker/json-schema both accept a valid declaration and refuse a broken one', () => {
    const ajv = new Ajv2020({ strictRequired: false, allErrors: true })
    addFormats.default(ajv)
    const { $id: _id, ...schema } = form.schema
    const validate = ajv.compile(schema)
    const second = new Validator(form.schema as never, '2020-12', false)
    assert.equal(validate(marriage()), true, JSON.stringify(validate.errors))
    assert.equal(second.validate(marriage()).valid, true)
    const broken = { ...marriage(), husband: { ...marriage().husband, birthDate: '03/11/1996' } }
    assert.equal(validate(broken), false)
    assert.equal(second.validate(broken).valid, false)
  })

  test('the form’s layout, rules, code lists and one attachment slot per component are published with it', async () => {
    const detail = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.000894' })).json<ProcedureDetail>()
    assert.ok(form.layout.steps.length >= 2)
    assert.ok(form.rules.some((r) => r.kind === 'min-age'))
    assert.equal(form.codeLists.ethnicity?.entries.length, 54)
    assert.deepEqual(
      form.attachments.map((a) => a.component),
      detail.requiredDocuments.map((d) => d.name),
    )
  })

  test('a valid declaration is accepted and recorded with the pinned form version', async () => {
    const res = await submit(marriage())
    assert.equal(res.statusCode, 201, res.body)
    const d = res.json<DossierView>()
    assert.deepEqual(d.declaration, { formVersion: form.version, data: marriage(), changedPaths: [] })
  })

  test('submitting the dossier removes the applicant’s draft of that procedure', async () => {
    const draftUrl = '/api/declaration-drafts/1.000894'
    const saved = await t.app.inject({
      method: 'PUT',
      url: draftUrl,
      headers: who.citizen,
      payload: { formVersion: form.version, data: { wife: { fullName: 'Nguyễn Thị Lan' } }, step: 'wife' },
    })
    assert.ok(saved.statusCode < 300, saved.body)
    assert.equal((await submit(marriage())).statusCode, 201)
    assert.equal((await t.app.inject({ method: 'GET', url: draftUrl, headers: who.citizen })).statusCode, 404)
  })

  test('an invalid declaration is refused with each field’s path and a vi/en message, and nothing is written', async () => {
    const before = await dossierCount()
    const data = marriage() as { husband: Record<string, unknown>; wife: Record<string, unknown> }
    delete data.husband.birthDate
    data.wife.identityNumber = '12345'
    const res = await submit(data)
    assert.equal(res.statusCode, 400, res.body)
    const problem = res.json<Problem>()
    assert.deepEqual(problem.errors?.map((e) => e.path).sort(), [
      'body/declaration/husband/birthDate',
      'body/declaration/wife/identityNumber',
    ])
    assert.ok(problem.errors?.every((e) => e.message && e.en && e.message !== e.en))
    assert.equal(await dossierCount(), before)
  })

  test('a declaration breaking a named rule is refused with the rule’s message', async () => {
    const data = marriage()
    data.husband.birthDate = '2008-05-01'
    data.husband.identityNumber = '056208004321'
    const res = await submit(data)
    assert.equal(res.statusCode, 400, res.body)
    assert.deepEqual(
      res.json<Problem>().errors?.map((e) => [e.path, e.message]),
      [['body/declaration/husband/birthDate', 'Bên nam phải từ đủ 20 tuổi trở lên']],
    )
  })

  test('a missing declaration or a stale form version is refused', async () => {
    const missing = await submit(undefined)
    assert.equal(missing.statusCode, 400)
    assert.deepEqual(
      missing.json<Problem>().errors?.map((e) => e.path),
      ['body/declaration'],
    )
    const stale = await submit(marriage(), form.version + 1)
    assert.deepEqual(
      stale.json<Problem>().errors?.map((e) => e.path),
      ['body/formVersion'],
    )
  })

  test('a supplement names one field; the applicant corrects only that field; the view marks it changed', async () => {
    const created = (await submit(marriage())).json<DossierView>()
    let d = await assigned(
      t,
      { counter: who.counter ?? {}, leader: who.leader ?? {}, specialist: who.specialist ?? {} },
      created,
    )
    const unknownField = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/supplement-requests`,
      headers: { ...who.specialist, 'idempotency-key': randomUUID() },
      payload: {
        expectedVersion: d.version,
        items: ['Ngày sinh bên nam'],
        reason: 'Sai ngày sinh',
        fields: ['husband/shoeSize'],
      },
    })
    assert.equal(unknownField.statusCode, 400, unknownField.body)
    d = await runCommand(t, who.specialist ?? {}, d, 'supplement-requests', {
      items: ['Ngày sinh bên nam không khớp giấy tờ tùy thân'],
      reason: 'Sai ngày sinh',
      fields: ['husband/birthDate'],
    })
    const mine = (
      await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}`, headers: who.citizen })
    ).json<DossierView>()
    assert.deepEqual(mine.correctionFields, ['husband/birthDate'])
    const correct = (corrections: object[]) =>
      t.app.inject({
        method: 'POST',
        url: `/api/dossiers/${d.id}/supplements`,
        headers: { ...who.citizen, 'idempotency-key': randomUUID() },
        payload: { expectedVersion: d.version, components: [], corrections },
      })
    const other = await correct([{ path: 'wife/fullName', value: 'Nguyễn Thị Hoa' }])
    assert.equal(other.statusCode, 422, other.body)
    assert.match(other.json<Problem>().type, /correctionNotRequested/)
    const invalid = await correct([{ path: 'husband/birthDate', value: '31/02/1996' }])
    assert.equal(invalid.statusCode, 400, invalid.body)
    assert.deepEqual(
      invalid.json<Problem>().errors?.map((e) => e.path),
      ['body/corrections/0/value'],
    )
    const done = await correct([{ path: 'husband/birthDate', value: '1996-11-30' }])
    assert.equal(done.statusCode, 200, done.body)
    const view = done.json<DossierView>()
    assert.equal((view.declaration?.data.husband as { birthDate?: string } | undefined)?.birthDate, '1996-11-30')
    assert.deepEqual(view.declaration?.changedPaths, ['husband/birthDate'])
    assert.deepEqual(view.correctionFields, [])
    const events = view.timeline.map((e) => e.type).slice(-2)
    assert.deepEqual(events, ['declaration-corrected', 'supplement-received'])
  })

  test('approval carries the result template’s decision fields, checked against its schema', async () => {
    const created = (await submit(marriage())).json<DossierView>()
    const d = await assigned(
      t,
      { counter: who.counter ?? {}, leader: who.leader ?? {}, specialist: who.specialist ?? {} },
      created,
    )
    const appraise = (decision: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/dossiers/${d.id}/appraisal`,
        headers: { ...who.specialist, 'idempotency-key': randomUUID() },
        payload: { expectedVersion: d.version, outcome: 'approve', note: 'Đủ điều kiện', decision },
      })
    const bad = await appraise({ registrationNumber: '15' })
    assert.equal(bad.statusCode, 400, bad.body)
    assert.ok(bad.json<Problem>().errors?.some((e) => e.path === 'body/decision/book'))
    const decision = sampleOf(form.result.decisionSchema) as Record<string, unknown>
    const good = await appraise(decision)
    assert.equal(good.statusCode, 200, good.body)
    assert.deepEqual(good.json<DossierView>().decision, decision)
  })
})
