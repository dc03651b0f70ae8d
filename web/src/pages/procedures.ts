/** A procedure as the search lists it (server: src/http/schemas/procedure-views.ts). */
export type ProcedureSummary = {
  code: string
  nationalCode: string | null
  name: string
  field: string
  fieldName: string
  /** Cấp thực hiện: province, commune or central. */
  level: string
  onlineLevel: 'full' | 'partial' | 'none'
  timeLimit: TimeLimit
  competentAgency: { id: string; name: string } | null
  anyLocation: boolean
}
export type TimeLimit = { unit: string; value?: number }
export type ProcedurePage = { items: ProcedureSummary[]; total: number; page: number; pageSize: number }

export type ProcedureDetail = ProcedureSummary & {
  legalBasis: string[]
  onlineTimeLimit: TimeLimit | null
  fullOnlineEligible: boolean
  fees: { name: string; amountVnd: number | null; text: string }[]
  requiredDocuments: { name: string; form: string; quantity: number; group: string | null }[]
  resultName: string
}

/** The message key and values that describe a time limit ("15 ngày làm việc"). */
export function timeLimitMessage(limit: TimeLimit): [string, Record<string, number>] {
  return [`limit.${limit.unit}`, { value: limit.value ?? 0 }]
}
