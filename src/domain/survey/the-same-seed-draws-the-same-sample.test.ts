import assert from 'node:assert/strict'
import { test } from 'node:test'
import { drawSample, type FinishedDossier } from './sample.ts'

const population: FinishedDossier[] = Array.from({ length: 900 }, (_, i) => ({
  dossierCode: `H${String(i).padStart(5, '0')}`,
  agencyId: ['so-tp', 'so-xd', 'xa-1'][i % 3] as string,
}))

test('the same population and seed draw the same sample, whatever the order the dossiers are read in', () => {
  const once = drawSample(population, 500, 'ky-2026-1')
  const again = drawSample([...population].reverse(), 500, 'ky-2026-1')
  assert.deepEqual(again, once)
})

test('another seed draws another sample', () => {
  const a = drawSample(population, 500, 'ky-2026-1').dossiers
  const b = drawSample(population, 500, 'ky-2026-2').dossiers
  assert.notDeepEqual(a, b)
})

test('the sample has the formula’s size, its agencies their allocated counts, and no dossier twice', () => {
  const s = drawSample(population, 500, 'seed')
  assert.equal(s.size, 277)
  for (const stratum of s.strata)
    assert.equal(s.dossiers.filter((d) => d.agencyId === stratum.agencyId).length, stratum.sampled)
  assert.equal(new Set(s.dossiers.map((d) => d.dossierCode)).size, s.size)
})
