import { useQuery } from '@tanstack/react-query'
import { client, ok } from '../../api/client.ts'
import type { Lang } from '../../i18n/messages.ts'

export type Round = Awaited<ReturnType<typeof loadRound>>
export type Assessment = Awaited<ReturnType<typeof loadAssessment>>
export type CriteriaSet = Round['criteriaSet']
export type Area = CriteriaSet['areas'][number]
export type Criterion = Area['criteria'][number]
export type Leaf = Extract<Criterion, { maxPoints: number }>
export type Answers = Assessment['self']
export type LeafAnswer = NonNullable<Answers[string]>
export type Figures = Assessment['figures']

export const loadRound = (id: string) => ok(client.GET('/api/par-index/rounds/{id}', { params: { path: { id } } }))
export const loadAssessment = (id: string, unitId: string) =>
  ok(client.GET('/api/par-index/rounds/{id}/units/{unitId}', { params: { path: { id, unitId } } }))

export function useRound(id: string) {
  return useQuery({ queryKey: ['par-round', id], retry: false, queryFn: () => loadRound(id) })
}

/** A name in the reader's language (Vietnamese first; English when chosen and given). */
export const textIn = (text: { vi: string; en: string }, lang: Lang) => (lang === 'en' && text.en ? text.en : text.vi)

/** The scored leaves of a criterion: its sub-criteria, or itself. */
export const leavesOf = (c: Criterion): Leaf[] => ('subCriteria' in c ? c.subCriteria : [c as Leaf])

/** Điểm, with up to two decimals in the reader's convention. */
export const formatPoints = (points: number, lang: Lang) =>
  points.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 })

/** A figure from motcua: a share as a percentage, the 766 index as points out of 100; null is n/a. */
export function formatFigure(figure: string, value: number | null | undefined, lang: Lang): string | null {
  if (value === null || value === undefined) return null
  if (figure === 'index-766') return formatPoints(value, lang)
  return `${(value * 100).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} %`
}

/** A deadline typed in Vietnam time (the province's clock), as the instant the API takes. */
export const vietnamInstant = (local: string) => new Date(`${local}:00+07:00`).toISOString()

/** An instant as a datetime-local value in Vietnam time, to the minute (the inverse of vietnamInstant). */
export const vietnamLocal = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16)
