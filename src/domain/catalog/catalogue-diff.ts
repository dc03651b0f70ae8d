import type { NationalProcedure, SyncedProcedure } from './national-procedure.ts'
import type { ProcedureVersion } from './procedure.ts'

/** The parts of a version the national database owns, in the order the diff lists them. */
export const syncedFields = [
  'name',
  'level',
  'fieldId',
  'legalBasis',
  'statutoryTimeLimit',
  'fees',
  'requiredDocuments',
  'publication.decision',
  'publication.madePublicOn',
  'publication.legalBasis',
  'publication.sequence',
  'publication.method',
  'publication.applicants',
  'publication.channelLimits',
  'publication.forms',
] as const
export type SyncedField = (typeof syncedFields)[number]

/** The catalogue's latest version of a procedure, not yet ended before the sync day. */
export type CurrentProcedure = {
  readonly code: string
  readonly version: Pick<
    ProcedureVersion,
    | 'version'
    | 'effectiveTo'
    | 'name'
    | 'level'
    | 'fieldId'
    | 'legalBasis'
    | 'statutoryTimeLimit'
    | 'fees'
    | 'requiredDocuments'
    | 'publication'
  >
}

export type FieldChange = { readonly field: SyncedField; readonly before: unknown; readonly after: unknown }

export type CatalogueChange =
  | { readonly kind: 'new'; readonly code: string; readonly procedure: SyncedProcedure }
  | {
      readonly kind: 'changed'
      readonly code: string
      readonly baseVersion: number
      readonly changes: readonly FieldChange[]
      readonly procedure: SyncedProcedure
    }
  | {
      readonly kind: 'repealed'
      readonly code: string
      readonly baseVersion: number
      readonly repealedOn: string
      readonly procedure: SyncedProcedure
    }

/** A national record whose field name matches no field of the catalogue: reported, not diffed. */
export type UnknownField = { readonly code: string; readonly fieldName: string }

export type CatalogueDiff = {
  readonly changes: readonly CatalogueChange[]
  readonly unknownFields: readonly UnknownField[]
}

type SyncedView = Pick<
  CurrentProcedure['version'],
  'name' | 'level' | 'fieldId' | 'legalBasis' | 'statutoryTimeLimit' | 'fees' | 'requiredDocuments' | 'publication'
>

function view(v: SyncedView): Record<SyncedField, unknown> {
  const p = v.publication ?? null
  return {
    name: v.name,
    level: v.level,
    fieldId: v.fieldId,
    legalBasis: v.legalBasis,
    statutoryTimeLimit: v.statutoryTimeLimit ?? null,
    fees: v.fees,
    requiredDocuments: v.requiredDocuments,
    'publication.decision': p ? { number: p.decisionNumber, date: p.decisionDate } : null,
    'publication.madePublicOn': p?.madePublicOn ?? null,
    'publication.legalBasis': p?.legalBasis ?? null,
    'publication.sequence': p?.sequence ?? null,
    'publication.method': p?.method ?? null,
    'publication.applicants': p?.applicants ?? null,
    'publication.channelLimits': p?.channelLimits ?? null,
    'publication.forms': p?.forms ?? null,
  }
}

/** Equal as JSON with object keys in any order. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(v ?? null)
}

/** Field names compare without case, surrounding or doubled spaces, in Unicode NFC. */
export const fieldKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi')

/**
 * Đối chiếu danh mục: what approving the national list would change. A national procedure the
 * catalogue lacks is new; one it has is changed when a national-owned field differs (each with
 * before → after; equal fields are omitted, and a procedure equal in all is omitted); a repealed one
 * still in force is repealed. A procedure missing from the national list is left alone: the list
 * may be filtered to the province, so only an explicit repeal ends one (product rule, rules.md).
 */
export function diffCatalogue(
  current: readonly CurrentProcedure[],
  national: readonly NationalProcedure[],
  fieldIds: ReadonlyMap<string, string>,
): CatalogueDiff {
  const byCode = new Map(current.map((c) => [c.code, c]))
  const changes: CatalogueChange[] = []
  const unknownFields: UnknownField[] = []
  for (const record of [...national].sort((a, b) => a.code.localeCompare(b.code))) {
    const fieldId = fieldIds.get(fieldKey(record.fieldName))
    if (fieldId === undefined) {
      unknownFields.push({ code: record.code, fieldName: record.fieldName })
      continue
    }
    const procedure: SyncedProcedure = { ...record, fieldId }
    const mine = byCode.get(record.code)
    if (record.repealedOn !== null) {
      if (mine && mine.version.effectiveTo === null)
        changes.push({
          kind: 'repealed',
          code: record.code,
          baseVersion: mine.version.version,
          repealedOn: record.repealedOn,
          procedure,
        })
      continue
    }
    if (!mine) {
      changes.push({ kind: 'new', code: record.code, procedure })
      continue
    }
    const before = view(mine.version)
    const after = view(procedure)
    const fieldChanges = syncedFields
      .filter((f) => !same(before[f], after[f]))
      .map((field) => ({ field, before: before[field], after: after[field] }))
    if (fieldChanges.length > 0)
      changes.push({
        kind: 'changed',
        code: record.code,
        baseVersion: mine.version.version,
        changes: fieldChanges,
        procedure,
      })
  }
  return { changes, unknownFields }
}
