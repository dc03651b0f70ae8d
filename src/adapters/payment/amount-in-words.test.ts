import assert from 'node:assert/strict'
import { test } from 'node:test'
import { amountInWords } from './amount-in-words.ts'

test('round amounts read as the receipt writes them', () => {
  assert.equal(amountInWords(100_000), 'Một trăm nghìn đồng')
  assert.equal(amountInWords(1_000_000), 'Một triệu đồng')
  assert.equal(amountInWords(0), 'Không đồng')
})

test('tens use mười, mươi, mốt, tư and lăm', () => {
  assert.equal(amountInWords(15), 'Mười lăm đồng')
  assert.equal(amountInWords(21), 'Hai mươi mốt đồng')
  assert.equal(amountInWords(24_000), 'Hai mươi tư nghìn đồng')
  assert.equal(amountInWords(55), 'Năm mươi lăm đồng')
})

test('a zero tens digit reads linh, and an inner group keeps không trăm', () => {
  assert.equal(amountInWords(105), 'Một trăm linh năm đồng')
  assert.equal(amountInWords(1_005_000), 'Một triệu không trăm linh năm nghìn đồng')
  assert.equal(amountInWords(2_030_500), 'Hai triệu không trăm ba mươi nghìn năm trăm đồng')
})
