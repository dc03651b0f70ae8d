import type { Locator, Page } from 'playwright-core'

type Leaf = { readonly name: string; readonly value: unknown }

/** Each value of a declaration with its react-hook-form field name (`child/birthDate` → `child.birthDate`). */
function leaves(data: unknown, prefix = ''): Leaf[] {
  if (Array.isArray(data)) throw new Error('repeating groups are not filled by fillDeclaration')
  if (data === null || typeof data !== 'object') return [{ name: prefix, value: data }]
  return Object.entries(data).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key))
}

/** `2026-11-20` → `20/11/2026`, as a person types a date into the e-form. */
const typed = (value: unknown) => String(value).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1')

async function fillOne(field: Locator, value: unknown): Promise<void> {
  const tag = await field.evaluate((el) => `${el.tagName}:${(el as { type?: string }).type}`)
  if (tag.startsWith('SELECT')) await field.selectOption(String(value))
  else if (tag === 'INPUT:checkbox') await field.setChecked(value === true)
  else {
    // A commune typed as its code is taken as that commune (the field keeps codes).
    await field.fill(typed(value))
    await field.blur()
  }
}

/**
 * Types a declaration into the e-form on the page as a person would, field by field: the fields shown
 * now (a radio is checked by its value), again while choices reveal more (showIf); a step's hidden
 * fields are left for their step.
 */
export async function fillDeclaration(page: Page, data: Record<string, unknown>): Promise<void> {
  const done = new Set<string>()
  for (let pass = 0; pass < 4; pass++) {
    let filled = 0
    for (const { name, value } of leaves(data)) {
      if (done.has(name)) continue
      const field = page.locator(`form [name="${name}"]`)
      const count = await field.count()
      if (count === 0) continue
      if (count > 1) await page.locator(`form [name="${name}"][value="${String(value)}"]`).check()
      else await fillOne(field, value)
      done.add(name)
      filled++
    }
    if (filled === 0) return
  }
}
