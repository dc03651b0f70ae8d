import assert from 'node:assert/strict'
import { test } from 'node:test'
import { demoForms } from '../../../demo/khanh-hoa/forms/index.ts'
import { valueAt } from '../../domain/declarations/named-rules.ts'
import { DeclarationValidators } from '../../domain/declarations/validate-declaration.ts'
import { seedDeclaration } from './seed-declaration.ts'

const ctx = { provinceCode: '56', communes: [{ code: '22333', name: 'Phường Bắc Nha Trang' }], attachments: [] }
const validators = new DeclarationValidators()

/** Where each demo form names the person who asks (the applicant whose name the seed puts in). */
const applicantPaths: Record<string, string[]> = {
  '1.000894': ['wife/fullName'],
  '1.004884': ['subject/fullName'],
  '1.000656': ['requester/fullName'],
  '1.010038': ['declarant/fullName'],
  '1.004222': ['declarant/fullName'],
  '1.001612': ['owner/fullName'],
  '2.000720': ['owner/fullName'],
  '1.013225': ['investor/name'],
  '2.000693': ['insured/fullName'],
  '1.001193': ['requester/fullName', 'father/fullName'],
  '1.004873': ['requester/fullName', 'subject/fullName'],
}

for (const [code, build] of Object.entries(demoForms)) {
  test(`${code}: the seeded declaration is the form's example in the applicant's name, and valid`, () => {
    const form = build(ctx)
    const declaration = seedDeclaration(form, 'Trương Mỹ Hạnh', '2026-11-26')
    assert.ok(declaration)
    assert.equal(declaration.formVersion, form.version)
    assert.deepEqual(
      (applicantPaths[code] ?? []).map((path) => valueAt(declaration.data, path)),
      (applicantPaths[code] ?? [null]).map(() => 'Trương Mỹ Hạnh'),
    )
    const verdict = validators.validate(code, form, declaration.data, '2026-11-26')
    assert.deepEqual(verdict.ok ? [] : verdict.errors, [])
  })
}

test('the form’s example itself is left as it was', () => {
  const form = demoForms['1.000894']?.(ctx)
  assert.ok(form)
  seedDeclaration(form, 'Trương Mỹ Hạnh', '2026-11-26')
  assert.equal(valueAt((form.schema.examples as unknown[])[0], 'wife/fullName'), 'Nguyễn Thị Lan')
})
