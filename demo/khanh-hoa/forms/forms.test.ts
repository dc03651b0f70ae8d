import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { Compile } from 'typebox/compile'
import type { Catalog } from '../../../src/domain/catalog/catalog.ts'
import type { JsonSchema } from '../../../src/domain/declarations/field-kinds.ts'
import { attachmentSlots, type FormContext } from '../../../src/domain/declarations/form-context.ts'
import { FormDefinition, type LayoutField } from '../../../src/domain/declarations/form-definition.ts'
import { genericForm } from '../../../src/domain/declarations/generic-form.ts'
import { DeclarationValidators } from '../../../src/domain/declarations/validate-declaration.ts'
import { demoForms } from './index.ts'

const catalog: Catalog = JSON.parse(readFileSync(new URL('../catalog.json', import.meta.url), 'utf8'))
const communes = catalog.agencies
  .filter((a) => a.kind === 'commune_committee')
  .map((a) => ({ code: a.statisticalCode ?? '', name: a.names.find((n) => n.validTo === null)?.name ?? '' }))
const checkFormDefinition = Compile(FormDefinition)
const validators = new DeclarationValidators()

/** ajv as strict as it goes: unknown keywords, loose types and undeclared required properties all throw. */
function strictAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true })
  addFormats.default(ajv)
  return ajv
}

/** The schema a path names (`*` or an index for array items), or undefined; branches do not count. */
function schemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema
  for (const segment of path.split('/')) {
    if (current === undefined) return undefined
    if (current.type === 'array') current = current.items as JsonSchema | undefined
    else current = (current.properties as Record<string, JsonSchema> | undefined)?.[segment]
    if (current !== undefined && typeof current !== 'object') return undefined
  }
  return current
}

type Section = { readonly fields: unknown[]; readonly showIf?: { path: string } | undefined }
const fieldsOf = (sections: readonly Section[]) => sections.flatMap((s) => s.fields as LayoutField[])
const stepFields = (form: FormDefinition) => fieldsOf(form.layout.steps.flatMap((s) => s.sections))

/** Every layout field with its full path: a group's or repeat's fields are relative to it. */
function layoutFields(fields: readonly LayoutField[], prefix = ''): { path: string; field: LayoutField }[] {
  return fields.flatMap((field) => {
    const path = prefix ? `${prefix}/${field.path}` : field.path
    const inner = field.widget === 'repeat' ? `${path}/*` : path
    return [{ path, field }, ...layoutFields(field.fields ?? [], inner)]
  })
}

function formFor(code: string, version: Catalog['procedures'][number]['versions'][number]) {
  const ctx: FormContext = { provinceCode: '56', communes, attachments: attachmentSlots(version.requiredDocuments) }
  const demo = demoForms[code]
  return demo
    ? demo(ctx)
    : genericForm({ code, version: version.version, name: version.name, resultName: version.resultName }, ctx)
}

for (const procedure of catalog.procedures) {
  for (const version of procedure.versions) {
    const form = formFor(procedure.code, version)
    const kind = demoForms[procedure.code] ? 'demo' : 'generic'
    describe(`${procedure.code} v${version.version} (${kind} form)`, () => {
      test('is a FormDefinition', () => {
        assert.ok(checkFormDefinition.Check(form), JSON.stringify([...checkFormDefinition.Errors(form)].slice(0, 3)))
      })

      test('its schema and decision schema compile under strict ajv 2020-12', () => {
        strictAjv().compile(form.schema)
        strictAjv().compile(form.result.decisionSchema)
      })

      test('every layout field names a property of the schema', () => {
        const missing = layoutFields(stepFields(form)).filter(({ path }) => schemaAt(form.schema, path) === undefined)
        assert.deepEqual(
          missing.map((m) => m.path),
          [],
        )
      })

      test('every decision layout field names a property of the decision schema', () => {
        const fields = layoutFields(fieldsOf(form.result.decisionLayout))
        assert.deepEqual(
          fields.filter(({ path }) => schemaAt(form.result.decisionSchema, path) === undefined),
          [],
        )
      })

      test('every code list a field names is carried by the form and holds the field’s codes', () => {
        for (const { path, field } of layoutFields(stepFields(form))) {
          if (!field.codeList) continue
          const list = form.codeLists[field.codeList]
          assert.ok(list, `${path}: code list ${field.codeList}`)
          const codes = new Set(list.entries.map((e) => e.code))
          const allowed = (schemaAt(form.schema, path)?.enum ?? []) as string[]
          assert.deepEqual(
            allowed.filter((c) => !codes.has(c)),
            [],
            `${path}: codes outside ${field.codeList}`,
          )
        }
      })

      test('rules, computed values, conditions, key facts and result lines name existing paths', () => {
        const declared = (path: string) => schemaAt(form.schema, path) !== undefined
        const conditions = form.layout.steps.flatMap((s) =>
          s.sections.flatMap((section) => [
            ...(section.showIf ? [section.showIf.path] : []),
            ...layoutFields(fieldsOf([section])).flatMap(({ field }) => (field.showIf ? [field.showIf.path] : [])),
          ]),
        )
        const paths = [
          ...form.rules.flatMap((r) => [
            r.path,
            ...('other' in r ? [r.other] : []),
            ...('birthDate' in r ? [r.birthDate] : []),
            ...('sex' in r && 'path' in r.sex ? [r.sex.path] : []),
          ]),
          ...form.computed.flatMap((c) => [c.path, 'from' in c ? c.from : c.of]),
          ...form.keyFacts,
          ...form.result.lines.filter((l) => l.from === 'declaration').map((l) => l.path),
        ]
        assert.deepEqual(
          [...paths, ...conditions].filter((p) => !declared(p)),
          [],
        )
        const decided = form.result.lines.filter((l) => l.from === 'decision').map((l) => l.path)
        assert.deepEqual(
          decided.filter((p) => schemaAt(form.result.decisionSchema, p) === undefined),
          [],
        )
      })

      test('has exactly one example, which the validator accepts on 2026-12-02', () => {
        const examples = form.schema.examples as unknown[] | undefined
        assert.equal(examples?.length, 1)
        const key = `${procedure.code}@${version.version}#${form.version}`
        const verdict = validators.validate(key, form, examples?.[0], '2026-12-02')
        assert.deepEqual(verdict.ok ? [] : verdict.errors, [])
      })

      test('has one attachment slot per required document', () => {
        assert.deepEqual(
          form.attachments.map((a) => a.component),
          version.requiredDocuments.map((d) => d.name),
        )
      })
    })
  }
}

test('every demo form belongs to a procedure of the catalogue', () => {
  const codes = new Set(catalog.procedures.map((p) => p.code))
  assert.deepEqual(
    Object.keys(demoForms).filter((c) => !codes.has(c)),
    [],
  )
})

describe('a marriage declaration under ajv', () => {
  const form = formFor('1.000894', catalog.procedures.find((p) => p.code === '1.000894')?.versions[0] as never)
  const validate = strictAjv().compile(form.schema)
  const side = (fullName: string, birthDate: string, identityNumber: string) => ({
    fullName,
    birthDate,
    ethnicity: '01',
    nationality: 'VN',
    residence: { province: '56', commune: '22333', street: '12 Trần Phú' },
    identityNumber,
    marriageCount: 1,
  })
  const valid = () => ({
    wife: side('Nguyễn Thị Lan', '1998-04-12', '056198001234') as Record<string, unknown>,
    husband: side('Trần Văn Nam', '1996-11-03', '056096004321') as Record<string, unknown>,
  })
  const failures = (data: unknown) => {
    validate(data)
    return (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => [e.instancePath, e.keyword])
  }

  test('a complete declaration is valid', () => {
    assert.deepEqual(failures(valid()), [])
  })

  test('a date that is not on the calendar fails at its path', () => {
    const data = valid()
    data.wife.birthDate = '1998-02-30'
    assert.deepEqual(failures(data), [['/wife/birthDate', 'format']])
  })

  test('an identity number with an unknown province code fails at its path', () => {
    const data = valid()
    data.husband.identityNumber = '099096004321'
    assert.deepEqual(failures(data), [['/husband/identityNumber', 'pattern']])
  })

  test('a commune outside the province’s tree fails at the commune', () => {
    const data = valid()
    data.wife.residence = { province: '56', commune: '00004', street: '1 Lê Lợi' }
    assert.deepEqual(failures(data), [['/wife/residence/commune', 'enum']])
  })

  test('a foreign groom without a passport number fails on the groom', () => {
    const data = valid()
    data.husband.nationality = 'KR'
    delete data.husband.identityNumber
    assert.deepEqual(failures(data), [['/husband', 'required']])
  })

  test('a field the form does not have is refused', () => {
    const data = valid()
    data.wife.nickname = 'Lan'
    assert.deepEqual(failures(data), [['/wife', 'additionalProperties']])
  })
})
