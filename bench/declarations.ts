import fc from 'fast-check'
import type { FormDefinition } from '../src/domain/declarations/form-definition.ts'
import { DeclarationValidators } from '../src/domain/declarations/validate-declaration.ts'
import { catalogWithForms } from '../src/store/catalog/load-catalog-file.ts'
import { declarationArbitrary } from '../test/support/declaration-arbitrary.ts'
import type { BenchmarkResult } from './run.ts'

const today = '2026-12-02'

/** Validations per second of `validate` over the inputs, repeated until `seconds` have passed. */
function perSecond(inputs: readonly unknown[], seconds: number, validate: (data: unknown) => boolean): number {
  let calls = 0
  let accepted = 0
  const start = performance.now()
  do {
    for (const data of inputs) if (validate(data)) accepted++
    calls += inputs.length
  } while (performance.now() - start < seconds * 1000)
  if (accepted < 0) console.log(accepted)
  return calls / ((performance.now() - start) / 1000)
}

/**
 * Declaration validation as POST /api/dossiers runs it (computed values, the JSON Schema, the named
 * rules) with the validator compiled once per form version and cached, against compiling it afresh for
 * every request (a new ajv each time) on the same inputs in the same run: one core, one process. Inputs:
 * declarations generated from the marriage form's schema, every fifth with its groom's birth date removed.
 */
export async function declarationsBenchmark(): Promise<BenchmarkResult> {
  const entry = catalogWithForms()
    .procedures.find((p) => p.code === '1.000894')
    ?.versions.at(-1)
  const form = entry?.form as FormDefinition
  const key = `1.000894@${entry?.version}#${form.version}`
  const inputs = fc.sample(declarationArbitrary(form, today), { seed: 42, numRuns: 1000 }).map((data, i) => {
    if (i % 5 !== 0) return data
    const broken = structuredClone(data) as { husband: Record<string, unknown> }
    delete broken.husband.birthDate
    return broken
  })
  const cached = new DeclarationValidators()
  const verdicts = inputs.map((d) => cached.validate(key, form, d, today).ok)
  const acceptedShare = verdicts.filter(Boolean).length / inputs.length
  const fast = perSecond(inputs, 3, (d) => cached.validate(key, form, d, today).ok)
  const slow = perSecond(inputs.slice(0, 20), 3, (d) => new DeclarationValidators().validate(key, form, d, today).ok)
  const ratio = fast / slow
  return {
    name: 'declarations',
    markdown: [
      'Declaration validation as `POST /api/dossiers` runs it (computed values, JSON Schema 2020-12 by ajv with formats,',
      'named rules), over 1,000 declarations generated from the marriage registration form (1.000894), every fifth with',
      `a required field removed (${Math.round(acceptedShare * 100)}% accepted). Baseline: the same validation compiling the`,
      'schema afresh per request (a new ajv each time), same inputs, same run. Goal: ≥ 20,000/s on one core, cached.',
      '',
      '| validator | validations/s (one core) |',
      '|---|---|',
      `| compiled once per form version, cached | ${Math.round(fast).toLocaleString('en')} |`,
      `| compiled per request (naive) | ${Math.round(slow).toLocaleString('en')} |`,
      '',
      `Cached is ${ratio.toFixed(0)}× the naive per-request compile.`,
    ],
    json: { cachedPerSecond: fast, naivePerSecond: slow, ratio, acceptedShare },
  }
}
