import { Type } from 'typebox'
import { ratio, WindowView } from './indicator-views.ts'

const count = (description: string) => Type.Integer({ minimum: 0, description })

const figures = {
  sent: count('Văn bản đi: outgoing documents issued in the period (by their issue date)'),
  sentElectronically: count(
    'Gửi dưới dạng điện tử: issued with both digital signatures and delivered electronically to every recipient (motcua agencies at once, outside agencies once handed to the national axis)',
  ),
  sentOtherwise: count(
    'Issued but not delivered electronically to every recipient (on paper, or not yet over the axis)',
  ),
  electronicShare: ratio('Tỷ lệ văn bản gửi dưới dạng điện tử: sentElectronically / sent'),
  received: count('Văn bản đến: incoming documents that arrived in the period'),
  finished: count('Incoming documents done or answered in the period'),
  finishedOnTime: count('Finished on or before their handling deadline day (đúng hạn)'),
  finishedLate: count('Finished after their handling deadline day (quá hạn)'),
  onTimeShare: ratio('Tỷ lệ văn bản đến giải quyết đúng hạn: finishedOnTime / (finishedOnTime + finishedLate)'),
  overdueOpen: count('Still open at the end of the period past their handling deadline day'),
  overdue: count('Quá hạn: finishedLate + overdueOpen'),
}

export const DocumentFiguresView = Type.Object(figures, {
  description: 'Document indicators of the province or of one agency (rules.md "Document indicators")',
})

export const DocumentIndicatorsView = Type.Object(
  {
    window: WindowView,
    agencyId: Type.Union([Type.String(), Type.Null()], { description: 'The agency asked for; null for the province' }),
    total: DocumentFiguresView,
    agencies: Type.Array(
      Type.Object(
        {
          agencyId: Type.String({ description: 'Agency id' }),
          agencyName: Type.String({ description: 'Its name in force at the end of the period' }),
          ...figures,
        },
        { description: 'One agency with documents in the period' },
      ),
      { description: 'Each agency with documents in the period, by name' },
    ),
  },
  { description: 'Chỉ số văn bản: documents sent and received, electronically, on time and overdue' },
)
