import assert from 'node:assert/strict'
import { test } from 'node:test'
import { marriageForm as form, vietnameseCouple } from '../../../test/support/marriage-declaration.ts'
import { DeclarationValidators } from './validate-declaration.ts'

const valid = vietnameseCouple
const today = '2026-12-02'
const check = (data: unknown) => new DeclarationValidators().validate('1.000894@1#1', form, data, today)
const pathsOf = (data: unknown) => {
  const verdict = check(data)
  return verdict.ok ? [] : verdict.errors.map((e) => e.path)
}

test('a complete marriage declaration is accepted', () => {
  assert.deepEqual(check(valid()), { ok: true, data: valid() })
})

test('a missing field is refused at its own path, with the layout label in the message', () => {
  const data = valid() as Record<string, Record<string, unknown>>
  delete data.husband?.birthDate
  const verdict = check(data)
  assert.equal(verdict.ok, false)
  assert.deepEqual(verdict.ok ? [] : verdict.errors.map((e) => [e.path, e.message.vi]), [
    ['husband/birthDate', 'Ngày, tháng, năm sinh: chưa nhập (bắt buộc)'],
  ])
})

test('a date that is not a calendar date is refused by format', () => {
  const data = valid()
  data.wife.birthDate = '1998-02-30'
  assert.deepEqual(pathsOf(data), ['wife/birthDate'])
})

test('a commune outside the home province tree is refused', () => {
  const data = valid()
  data.wife.residence.commune = '99999'
  assert.deepEqual(pathsOf(data), ['wife/residence/commune'])
})

test('a foreign spouse must give a passport number instead of an identity number', () => {
  const data = valid() as { husband: Record<string, unknown> }
  data.husband.nationality = 'KR'
  delete data.husband.identityNumber
  assert.deepEqual(pathsOf(data), ['husband/passportNumber'])
})

test('the groom under 20 is refused by the min-age rule with its message', () => {
  const data = valid()
  data.husband.birthDate = '2007-01-01'
  data.husband.identityNumber = '056207004321'
  const verdict = check(data)
  assert.deepEqual(verdict.ok ? [] : verdict.errors.map((e) => [e.path, e.message.en]), [
    ['husband/birthDate', 'The groom must be at least 20'],
  ])
})

test('an identity number whose century-sex digit contradicts the sex is refused', () => {
  const data = valid()
  data.wife.identityNumber = '056098001234'
  assert.deepEqual(pathsOf(data), ['wife/identityNumber'])
})

test('validators are compiled once per form version', () => {
  const validators = new DeclarationValidators()
  assert.equal(validators.validatorFor('k', form.schema), validators.validatorFor('k', form.schema))
})
