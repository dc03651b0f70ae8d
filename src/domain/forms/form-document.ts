import type { EpochMs } from '../calendar/local-time.ts'

/**
 * The forms by their number in Circular 03/2025/TT-VPCP (the routes' numbering, docs/rules.md "Forms
 * 01–07"); a dossier under Circular 01/2018/TT-VPCP prints that circular's number on each.
 */
export const formNumbers = ['01', '02', '03', '04', '05', '06', '07'] as const
export type FormNumber = (typeof formNumbers)[number]
/** The forms printed for one dossier; 07 is a register of many. */
export const dossierFormNumbers = ['01', '02', '03', '04', '05', '06'] as const
export type DossierFormNumber = (typeof dossierFormNumbers)[number]

export type FieldRow = { readonly label: string; readonly value: string }
export type TableColumn = { readonly title: string; readonly width: number; readonly align?: 'left' | 'center' }

/** A layout block: what the renderer draws, in order, below the heading and the title. */
export type FormBlock =
  | { readonly kind: 'fields'; readonly rows: readonly FieldRow[] }
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[] }
  /** Dossier code as text, Code 128 barcode and QR code of the public tracking page. */
  | { readonly kind: 'codes'; readonly code: string; readonly url: string; readonly caption: string }
  | {
      readonly kind: 'signatures'
      readonly blocks: readonly { readonly title: string; readonly note: string; readonly name: string }[]
    }

/** A filled form, ready to render: no I/O, no layout arithmetic, only content and block order. */
export type FormDocument = {
  readonly form: FormNumber
  /** "Mẫu số 05" as the dossier's edition numbers the form; null when that circular has no such form. */
  readonly formLabel: string | null
  /** Which form of which circular the document follows (the PDF's subject). */
  readonly basis: string
  readonly orientation: 'portrait' | 'landscape'
  readonly header: {
    readonly agency: string
    readonly nation: string
    readonly motto: string
    readonly number: string | null
    readonly placeDate: string | null
  }
  readonly title: string
  readonly subtitle: string | null
  readonly blocks: readonly FormBlock[]
  /** The instant the form speaks of (receipt, request, apology…): the PDF's creation date. */
  readonly issuedAt: EpochMs
  readonly fileName: string
}
