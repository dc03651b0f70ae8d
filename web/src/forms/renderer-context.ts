import { createContext, useContext } from 'react'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import type { CommuneChoice } from './communes.ts'
import type { FieldError } from './field-errors.tsx'

/** What every widget of one rendered declaration shares. */
export type Renderer = {
  readonly form: FormDefinition
  /** The element id of the field at a concrete path (unique per rendered form). */
  readonly idOf: (path: string) => string
  readonly errors: readonly FieldError[]
  /** Paths whose value came from a record the applicant did not type (VNeID, an earlier dossier), with the source. */
  readonly prefilled: ReadonlyMap<string, string>
  /** Today's communes of the home province by code, with their former names; empty until the tree arrives. */
  readonly communes: readonly CommuneChoice[]
  /** Paths (with `*` for items) the form computes: shown read-only. */
  readonly computed: ReadonlySet<string>
}

export const RendererContext = createContext<Renderer | null>(null)

export function useRenderer(): Renderer {
  const renderer = useContext(RendererContext)
  if (!renderer) throw new Error('useRenderer outside a declaration form')
  return renderer
}

/** The react-hook-form name of a path: `children/0/fullName` → `children.0.fullName`. */
export const fieldName = (path: string) => path.replaceAll('/', '.')
