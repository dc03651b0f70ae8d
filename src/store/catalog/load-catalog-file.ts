import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Value } from 'typebox/value'
import { demoForms } from '../../../demo/khanh-hoa/forms/index.ts'
import { Catalog } from '../../domain/catalog/catalog.ts'
import { checkCatalog } from '../../domain/catalog/check-catalog.ts'
import { withForms } from '../../domain/declarations/catalog-forms.ts'
import { genericForm } from '../../domain/declarations/generic-form.ts'
import type { Db } from '../database.ts'
import { saveCatalog } from './save-catalog.ts'

export const demoCatalogPath = join(import.meta.dirname, '..', '..', '..', 'demo', 'khanh-hoa', 'catalog.json')

/** Reads a catalogue file and refuses it whole if it breaks the schema or the catalogue's rules. */
export function readCatalogFile(path: string): Catalog {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!Value.Check(Catalog, data)) {
    const first = [...Value.Errors(Catalog, data)].slice(0, 5).map((e) => `${e.instancePath} ${e.message}`)
    throw new Error(`${path} does not match the catalogue schema: ${first.join('; ')}`)
  }
  const problems = checkCatalog(data)
  if (problems.length > 0)
    throw new Error(
      `${path} is inconsistent: ${problems
        .slice(0, 5)
        .map((p) => `${p.where}: ${p.problem}`)
        .join('; ')}`,
    )
  return data
}

/** A catalogue file with every procedure version's declaration form (the demo's own, else the generic one). */
export function catalogWithForms(path = demoCatalogPath): Catalog {
  return withForms(readCatalogFile(path), demoForms, genericForm)
}

export async function loadCatalogFile(db: Db, path = demoCatalogPath): Promise<Catalog> {
  const catalog = catalogWithForms(path)
  await saveCatalog(db, catalog)
  return catalog
}
