import { availableActions, SurveyAction, type SurveyActor } from '../../domain/survey/actions.ts'
import { type AnswerProblem, checkAnswers } from '../../domain/survey/answer.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import { inTransaction } from '../../store/database.ts'
import { closePeriod, recordAnswer, respondentByToken, respondentOf } from '../../store/survey/survey-store.ts'
import { tokenSha256 } from './open-survey-period.ts'
import type { SurveyDeps } from './survey-deps.ts'

export type AnswerOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalid'; readonly problems: readonly AnswerProblem[] }
  | { readonly kind: 'notAllowed' }

export type AnswerSheet = { readonly answers: Readonly<Record<string, unknown>>; readonly suggestion: string | null }

/** The respondent's answer through the link's token (trả lời trực tuyến). */
export async function answerByToken(deps: SurveyDeps, token: string, sheet: AnswerSheet): Promise<AnswerOutcome> {
  const found = await respondentByToken(deps.db, tokenSha256(token))
  if (!found) return { kind: 'notFound' }
  return record(deps, found, sheet, 'respondent', null)
}

/** The paper form typed in by an officer of the Department of Home Affairs (nhập phiếu giấy). */
export async function enterPaperAnswer(
  deps: SurveyDeps,
  periodId: string,
  dossierCode: string,
  sheet: AnswerSheet,
  officer: string,
): Promise<AnswerOutcome> {
  const found = await respondentOf(deps.db, periodId, dossierCode)
  if (!found) return { kind: 'notFound' }
  return record(deps, found, sheet, 'home-affairs', officer)
}

async function record(
  deps: SurveyDeps,
  found: NonNullable<Awaited<ReturnType<typeof respondentOf>>>,
  sheet: AnswerSheet,
  actor: SurveyActor,
  officer: string | null,
): Promise<AnswerOutcome> {
  const { period, respondent } = found
  const action = actor === 'respondent' ? SurveyAction.AnswerOnline : SurveyAction.EnterPaper
  const allowed = availableActions({ periodStatus: period.status, answered: respondent.answeredAt !== null }, actor)
  if (!allowed.includes(action)) return { kind: 'notAllowed' }
  const problems = checkAnswers(sheet.answers)
  if (problems.length > 0) return { kind: 'invalid', problems }
  const answers = sheet.answers as Record<string, number>
  const at = deps.now()
  return inTransaction(deps.db, async (tx) => {
    const written = await recordAnswer(tx, {
      periodId: period.id,
      dossierCode: respondent.dossierCode,
      answers,
      suggestion: sheet.suggestion,
      channel: actor === 'respondent' ? 'online' : 'paper',
      enteredBy: officer,
      at,
    })
    if (!written) return { kind: 'notAllowed' } as const
    await appendAudit(tx, {
      at,
      actor: officer ?? `survey-respondent:${respondent.dossierCode}`,
      action: 'survey.answered',
      subject: `survey:${period.id}:${respondent.dossierCode}`,
      before: null,
      after: { channel: actor === 'respondent' ? 'online' : 'paper', answers, suggestion: sheet.suggestion },
    })
    return { kind: 'done' } as const
  })
}

/** Đóng kỳ khảo sát: no answer is taken after it. */
export async function closeSurveyPeriod(deps: SurveyDeps, periodId: string, officer: string): Promise<boolean> {
  const at = deps.now()
  return inTransaction(deps.db, async (tx) => {
    if (!(await closePeriod(tx, periodId))) return false
    await appendAudit(tx, {
      at,
      actor: officer,
      action: 'survey.closed',
      subject: `survey:${periodId}`,
      before: { status: 'open' },
      after: { status: 'closed' },
    })
    return true
  })
}
