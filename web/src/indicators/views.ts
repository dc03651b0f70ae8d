/** The indicator API's responses, as the server's OpenAPI document declares them (npm run gen:api). */
import type { Answer } from '../api/types.ts'

export type Statistics = Answer<'/api/statistics', 'get'>
export type Overview = Answer<'/api/indicators/overview', 'get'>
export type Ranking = Answer<'/api/indicators/ranking', 'get'>
/** Chỉ số văn bản (rules.md "Document indicators") */
export type DocumentIndicators = Answer<'/api/indicators/documents', 'get'>
export type Breakdown = Answer<'/api/indicators/breakdown', 'get'>
export type Ii06aReport = Answer<'/api/reports/ii06a', 'get'>
/** The dossiers behind a figure: codes and dates, no applicant data. */
export type IndicatorDossiers = Answer<'/api/indicators/dossiers', 'get'>
export type CutCandidates = Answer<'/api/indicators/time-reduction/candidates', 'get'>
export type TimeReduction = Answer<'/api/indicators/time-reduction', 'get'>

/** Rounded to 2 decimals (0.97 = 97%); "n/a" when nothing arose to measure. */
export type Ratio = Overview['onTimeRate']
/** Form II.06a figures; `resolved` includes withdrawn and stopped dossiers. */
export type Figures = Overview['figures']
/** Decision 766 service index, out of 100. */
export type Index766 = Overview['index766']
export type Summary = Pick<Overview, 'figures' | 'onTimeRate' | 'onlineRate' | 'index766'>
export type Measure = Overview['programme'][number]
export type TrendPoint = Overview['trend'][number]
export type Level = Ranking['rows'][number]['level']
export type Timeliness = NonNullable<IndicatorDossiers['dossiers'][number]['timeliness']>
export type TimeLimit = TimeReduction['configuredLimit']

export const indicatorGroups = ['transparency', 'progress', 'online', 'digitization', 'satisfaction'] as const
export type IndicatorGroup = (typeof indicatorGroups)[number]

/** Which dossiers of a window a drill-down lists (the same definitions as the figures). */
export const dossierSets = ['received', 'resolved', 'late', 'in_progress', 'overdue'] as const
export type DossierSet = (typeof dossierSets)[number]
