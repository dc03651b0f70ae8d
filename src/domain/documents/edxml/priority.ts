import type { Urgency } from './exchange-document.ts'

/**
 * OtherInfo/Priority of QCVN 102:2016 from the urgency (độ khẩn) of Decree 30/2020/NĐ-CP. The codes
 * 0 normal, 1 urgent, 2 very urgent, 3 express are an assumption (rules.md "Document exchange"): the
 * published samples only show 0.
 */
export const priorityCode: Record<Urgency, string> = {
  normal: '0',
  urgent: '1',
  'very-urgent': '2',
  express: '3',
}

export const urgencyOfPriority = (code: string): Urgency | undefined =>
  (Object.entries(priorityCode) as [Urgency, string][]).find(([, c]) => c === code)?.[0]
