import { Type } from 'typebox'
import { defaultMarginBasisPoints } from '../../domain/survey/sample-size.ts'

const Day = (description: string) => Type.String({ format: 'date', description })

/** A new survey period (kỳ khảo sát SIPAS, rules.md "Satisfaction survey (SIPAS)"). */
export const SurveyPeriodBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'Tên kỳ khảo sát, e.g. "Khảo sát SIPAS 2026"' }),
  from: Day('First local day of the period, inclusive: dossiers finished from then on are the population'),
  to: Day('Last local day of the period, inclusive'),
  marginBasisPoints: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: defaultMarginBasisPoints,
      description: 'Margin of error e of n = N / (1 + N·e²), in basis points (500 = 5 %)',
    }),
  ),
  seed: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Seed of the draw; random when absent. Recorded.' }),
  ),
})

const Stratum = Type.Object({
  agencyId: Type.String({ description: 'The processing agency (stratum)' }),
  population: Type.Integer({ description: 'Its dossiers finished in the period (N_h)' }),
  sampled: Type.Integer({ description: 'Its share of the sample, by largest remainders (n_h)' }),
})

const surveyPeriodFields = {
  id: Type.String({ format: 'uuid', description: 'The survey period' }),
  name: Type.String({ description: 'Tên kỳ khảo sát' }),
  from: Day('First day, inclusive'),
  to: Day('Last day, inclusive'),
  marginBasisPoints: Type.Integer({ description: 'e in basis points' }),
  seed: Type.String({ description: 'The recorded seed: the same population and seed redraw the same sample' }),
  population: Type.Integer({ description: 'N: dossiers finished in the period' }),
  sampleSize: Type.Integer({ description: 'n = ⌈N / (1 + N·e²)⌉' }),
  strata: Type.Array(Stratum, { description: 'The sample per processing agency (stratified, proportional)' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'Answers are taken while open' }),
}

export const SurveyPeriod = Type.Object(surveyPeriodFields)

const SampledDossier = Type.Object({
  dossierCode: Type.String({ description: 'The sampled dossier’s code' }),
  agencyId: Type.String({ description: 'Its processing agency (stratum)' }),
  answeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the answer was recorded; null while unanswered',
  }),
  channel: Type.Union([Type.Literal('online'), Type.Literal('paper'), Type.Null()], {
    description: 'How the answer came: through the link, or typed from the paper form',
  }),
})

const answerSheetFields = {
  answers: Type.Record(Type.String(), Type.Integer(), {
    description: 'Question id → level 1 (rất không hài lòng) … 5 (rất hài lòng); every question is required',
  }),
  suggestion: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'Góp ý' })),
}

export const AnswerSheetBody = Type.Object(answerSheetFields)

export const PaperAnswerBody = Type.Object({
  dossierCode: Type.String({ minLength: 1, maxLength: 40, description: 'The sampled dossier' }),
  ...answerSheetFields,
})

const Interval = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()], { description: 'Share of satisfied (0..1); null without answers' }),
  low: Type.Union([Type.Number(), Type.Null()], { description: '95 % interval, lower bound; null below 2 answers' }),
  high: Type.Union([Type.Number(), Type.Null()], { description: '95 % interval, upper bound' }),
  respondents: Type.Integer({ description: 'Answers counted' }),
})

export const AgencySurveyResult = Type.Object({
  agencyId: Type.String({ description: 'The processing agency' }),
  sampled: Type.Integer({ description: 'Its sampled dossiers' }),
  answered: Type.Integer({ description: 'Of them answered' }),
  survey: Type.Object(
    {
      elements: Type.Record(Type.String(), Interval, { description: 'Per SIPAS element' }),
      overall: { ...Interval, description: 'Overall index of the agency' },
    },
    { description: 'The SIPAS index from the survey answers' },
  ),
  ratings: Type.Object(
    {
      rated: Type.Integer({ description: 'Dossiers rated by their applicant' }),
      satisfied: Type.Integer({ description: 'Of them rated satisfied or very satisfied' }),
      share: Type.Union([Type.Number(), Type.Null()], { description: 'satisfied ÷ rated; null without ratings' }),
    },
    { description: 'The per-dossier ratings of the period (indicator 5.4), shown beside the survey, not merged' },
  ),
})

const vi = Type.String({ description: 'In Vietnamese' })
const en = Type.String({ description: 'In English' })
const Question = Type.Object({ id: Type.String({ description: 'Question id, the key of an answer' }), vi, en })
export const Questionnaire = Type.Object(
  {
    source: Type.String({ description: 'Where the elements come from' }),
    scale: Type.Array(Type.Object({ level: Type.Integer({ description: 'Answer level, 1 … 5' }), vi, en }), {
      description: 'The answer scale',
    }),
    elements: Type.Array(
      Type.Object({
        id: Type.String({ description: 'SIPAS element id' }),
        vi,
        en,
        questions: Type.Array(Question, { description: 'The element’s questions' }),
      }),
      { description: 'The SIPAS elements (tiêu chí)' },
    ),
  },
  { description: 'The questionnaire as data' },
)

export const SurveyLink = Type.Object({
  periodName: Type.String({ description: 'The survey period’s name' }),
  dossierCode: Type.String({ description: 'The sampled dossier’s code' }),
  canAnswer: Type.Boolean({ description: 'False once answered or after the period closed' }),
  questionnaire: Questionnaire,
})

export const SurveyPeriodWithSample = Type.Object({
  ...surveyPeriodFields,
  sample: Type.Array(SampledDossier, { description: 'The drawn dossiers and whether they answered' }),
  questionnaire: Questionnaire,
})
