/**
 * What may be done on a sampled dossier's survey, decided in one place: the respondent (holding the
 * link's token) answers online, or an officer of the Department of Home Affairs types in the paper
 * form, once either way and only while the period is open; the officer closes the period.
 */
export const SurveyAction = {
  AnswerOnline: 'answer-online',
  EnterPaper: 'enter-paper',
  ClosePeriod: 'close-period',
} as const
export type SurveyAction = (typeof SurveyAction)[keyof typeof SurveyAction]

export type SurveyActor = 'respondent' | 'home-affairs'

export interface SurveyState {
  readonly periodStatus: 'open' | 'closed'
  /** Whether this sampled respondent has answered already (online or on paper) */
  readonly answered: boolean
}

export function availableActions(state: SurveyState, actor: SurveyActor): SurveyAction[] {
  if (state.periodStatus !== 'open') return []
  if (actor === 'respondent') return state.answered ? [] : [SurveyAction.AnswerOnline]
  return state.answered ? [SurveyAction.ClosePeriod] : [SurveyAction.EnterPaper, SurveyAction.ClosePeriod]
}
