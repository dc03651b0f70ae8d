/**
 * Phiếu khảo sát SIPAS (Chỉ số hài lòng về sự phục vụ hành chính): the five elements of the
 * public-service process measured by the Ministry of Home Affairs' method, Decision 2640/QĐ-BNV of
 * 10 October 2017 (Đề án "Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan
 * hành chính nhà nước giai đoạn 2017–2020"): tiếp cận dịch vụ; thủ tục hành chính; công chức trực tiếp
 * giải quyết công việc; kết quả cung ứng dịch vụ; tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị —
 * 22 criteria in all (rules.md "Satisfaction survey (SIPAS)" says what was read). The questions below
 * follow those criteria; their wording is motcua's, the decision's own questionnaire was not read.
 */
export interface SurveyQuestion {
  readonly id: string
  readonly vi: string
  readonly en: string
}

/** One element (yếu tố) of the method and the questions that measure it. */
export interface SurveyElement {
  readonly id: SurveyElementId
  readonly vi: string
  readonly en: string
  readonly questions: readonly SurveyQuestion[]
}

export const SurveyElementId = {
  Access: 'access',
  Procedure: 'procedure',
  Officials: 'officials',
  Result: 'result',
  Feedback: 'feedback',
} as const
export type SurveyElementId = (typeof SurveyElementId)[keyof typeof SurveyElementId]

/** Thang đo năm mức: 1 rất không hài lòng … 5 rất hài lòng; 4 and 5 count as satisfied. */
export const answerScale = [
  { level: 1, vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  { level: 2, vi: 'Không hài lòng', en: 'Dissatisfied' },
  { level: 3, vi: 'Bình thường', en: 'Neutral' },
  { level: 4, vi: 'Hài lòng', en: 'Satisfied' },
  { level: 5, vi: 'Rất hài lòng', en: 'Very satisfied' },
] as const

/** The lowest level that counts as satisfied. */
export const satisfiedFrom = 4

export const questionnaireSource =
  'Quyết định 2640/QĐ-BNV ngày 10/10/2017 của Bộ Nội vụ (5 yếu tố, 22 tiêu chí); câu hỏi do motcua diễn đạt'

const q = (id: string, vi: string, en: string): SurveyQuestion => ({ id, vi, en })

export const sipasQuestionnaire: readonly SurveyElement[] = [
  {
    id: SurveyElementId.Access,
    vi: 'Tiếp cận dịch vụ hành chính công',
    en: 'Access to the public administrative service',
    questions: [
      q(
        'access.place',
        'Nơi tiếp nhận và trả kết quả dễ tìm, có đủ chỗ ngồi',
        'The reception desk was easy to find, with enough seats',
      ),
      q(
        'access.equipment',
        'Trang thiết bị phục vụ đầy đủ, dễ sử dụng',
        'The equipment provided was sufficient and easy to use',
      ),
      q(
        'access.online',
        'Dễ tìm thông tin và nộp hồ sơ trực tuyến',
        'Information and online submission were easy to find and use',
      ),
    ],
  },
  {
    id: SurveyElementId.Procedure,
    vi: 'Thủ tục hành chính',
    en: 'The administrative procedure',
    questions: [
      q(
        'procedure.public',
        'Thủ tục được niêm yết công khai, đầy đủ, chính xác',
        'The procedure was published completely and correctly',
      ),
      q(
        'procedure.documents',
        'Thành phần hồ sơ phải nộp đúng như công khai',
        'The documents asked for were those published',
      ),
      q('procedure.fee', 'Phí, lệ phí đúng như công khai', 'The fees paid were those published'),
      q('procedure.time', 'Thời hạn giải quyết đúng như công khai', 'The time limit was the one published'),
    ],
  },
  {
    id: SurveyElementId.Officials,
    vi: 'Công chức trực tiếp giải quyết công việc',
    en: 'The officials who handled the case',
    questions: [
      q(
        'officials.manner',
        'Công chức có thái độ giao tiếp lịch sự, tôn trọng',
        'The officials were polite and respectful',
      ),
      q(
        'officials.guidance',
        'Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu',
        'The officials explained the forms patiently and clearly',
      ),
      q(
        'officials.once',
        'Công chức hướng dẫn một lần là đủ để hoàn thiện hồ sơ',
        'One explanation was enough to complete the dossier',
      ),
      q(
        'officials.integrity',
        'Công chức không gây phiền hà, nhũng nhiễu',
        'The officials caused no trouble and asked for nothing extra',
      ),
    ],
  },
  {
    id: SurveyElementId.Result,
    vi: 'Kết quả cung ứng dịch vụ hành chính công',
    en: 'The result of the service',
    questions: [
      q(
        'result.lawful',
        'Kết quả đúng quy định, thông tin chính xác',
        'The result was lawful and its information correct',
      ),
      q('result.onTime', 'Nhận kết quả đúng hạn hoặc sớm hơn hẹn', 'The result came on or before the appointment'),
      q('result.trips', 'Số lần đi lại để hoàn thành thủ tục là hợp lý', 'The number of trips needed was reasonable'),
    ],
  },
  {
    id: SurveyElementId.Feedback,
    vi: 'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị',
    en: 'Handling of suggestions, feedback and petitions',
    questions: [
      q(
        'feedback.channel',
        'Có hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
        'There was a way to send suggestions and petitions',
      ),
      q(
        'feedback.handled',
        'Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý kịp thời',
        'Suggestions and petitions were received and handled in time',
      ),
    ],
  },
]

/** Every question id of the questionnaire, in order. */
export const questionIds: readonly string[] = sipasQuestionnaire.flatMap((e) => e.questions.map((x) => x.id))
