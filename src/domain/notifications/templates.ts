import { dateOfDay, dayOf, type EpochMs, minuteOfDay } from '../calendar/local-time.ts'
import type { DossierEvent, DossierEventType } from '../dossier/events.ts'
import type { Dossier } from '../dossier/state.ts'
import { fill } from '../forms/templates.ts'
import { fitSms } from './sms-text.ts'
import { common, type NoticeWording, returnMethods, wording } from './wording.ts'

/** Loại thông báo: what a notice tells the applicant (rules.md §8). */
export const NotificationKind = {
  Reception: 'reception',
  SupplementRequest: 'supplement-request',
  Rejection: 'rejection',
  Stopped: 'stopped',
  Withdrawn: 'withdrawn',
  /** The agency refused the applicant's request to stop: the dossier goes on. */
  WithdrawalRefused: 'withdrawal-refused',
  Apology: 'apology',
  /** A holiday calendar change moved the appointment (shared rules §4). */
  AppointmentMoved: 'appointment-moved',
  PaymentRequest: 'payment-request',
  ResultReady: 'result-ready',
  /** The result was handed over; the notice invites the applicant to rate the service. */
  ResultReturned: 'result-returned',
} as const
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind]

/** A notice to the applicant: e-mail subject and text, and the unaccented SMS (≤ 160 characters). */
export type Notification = {
  readonly kind: NotificationKind
  readonly subject: string
  readonly text: string
  readonly sms: string
}

export type NotificationLinks = {
  /** Public site, e.g. https://dichvucong.khanhhoa.gov.vn, without a trailing slash needed. */
  readonly publicBaseUrl: string
  /** The dossier's id: its page in the applicant's area, before it has a code and for rating. */
  readonly dossierId: string
}

type Values = Record<string, string>
/** How values are written: times and lists in an e-mail, or compact in an SMS. */
type Style = { readonly at: (ms: EpochMs) => string; readonly sms: boolean }
type Chosen = { kind: NotificationKind; wording: NoticeWording; values: (style: Style) => Values }

/** The events the applicant is told about; every other event is silent. */
export const notifyingEvents: ReadonlySet<DossierEventType> = new Set<DossierEventType>([
  'received',
  'reception-supplement-requested',
  'supplement-requested',
  'reception-rejected',
  'stopped',
  'withdrawn',
  'withdrawal-decided',
  'apology-issued',
  'deadlines-rescheduled',
  'payment-required',
  'issued',
  'result-returned',
])

const pad = (n: number) => String(n).padStart(2, '0')
const timeWith =
  (pattern: string) =>
  (instant: EpochMs): string => {
    const d = dateOfDay(dayOf(instant))
    const minute = minuteOfDay(instant)
    return fill(pattern, {
      hh: pad(Math.floor(minute / 60)),
      mm: pad(minute % 60),
      dd: pad(d.day),
      MM: pad(d.month),
      yyyy: String(d.year),
    })
  }
/** "09 giờ 05, ngày 26/11/2026" in Vietnam time. */
export const noticeTime = timeWith(common.time)
const smsTime = timeWith(common.smsTime)
const amountVnd = (n: number) => fill(common.vnd, { amount: new Intl.NumberFormat('vi-VN').format(n) })

function choose(event: DossierEvent, d: Dossier): Chosen | null {
  switch (event.type) {
    case 'received':
      return {
        kind: NotificationKind.Reception,
        wording: wording.reception,
        values: ({ at, sms }) => ({
          receivedAt: at(event.at),
          appointment:
            event.appointmentAt !== null
              ? at(event.appointmentAt)
              : sms
                ? common.smsNoAppointment
                : common.noAppointment,
        }),
      }
    case 'reception-supplement-requested':
    case 'supplement-requested':
      return {
        kind: NotificationKind.SupplementRequest,
        wording: wording.supplementRequest,
        values: ({ sms }) => ({
          items: sms ? event.items.join(', ') : event.items.map((item) => fill(common.item, { item })).join('\n'),
          reason: event.reason,
        }),
      }
    case 'reception-rejected':
      return {
        kind: NotificationKind.Rejection,
        wording: wording.rejection,
        values: () => ({ reason: event.reason, legalBasis: event.legalBasis }),
      }
    case 'stopped':
      return {
        kind: NotificationKind.Stopped,
        wording: wording.stopped,
        values: () => ({ reason: event.reason, legalBasis: event.legalBasis }),
      }
    case 'withdrawn':
      return { kind: NotificationKind.Withdrawn, wording: wording.withdrawn, values: () => ({ reason: event.reason }) }
    case 'withdrawal-decided':
      return event.accepted
        ? {
            kind: NotificationKind.Withdrawn,
            wording: wording.withdrawn,
            values: () => ({ reason: d.withdrawal?.reason ?? event.note }),
          }
        : {
            kind: NotificationKind.WithdrawalRefused,
            wording: wording.withdrawalRefused,
            values: () => ({ reason: event.note }),
          }
    case 'apology-issued':
      return {
        kind: NotificationKind.Apology,
        wording: wording.apology,
        values: ({ at }) => ({
          reason: event.reason,
          newAt: at(event.newAppointmentAt),
          originalAt: d.originalAppointmentAt === null ? common.noAppointment : at(d.originalAppointmentAt),
        }),
      }
    case 'deadlines-rescheduled':
      // Only the appointment concerns the applicant; a step's due time is the agency's own.
      if (event.appointmentAt === null) return null
      return {
        kind: NotificationKind.AppointmentMoved,
        wording: wording.appointmentMoved,
        values: ({ at }) => ({ reason: event.reason, newAt: at(event.appointmentAt as EpochMs) }),
      }
    case 'payment-required':
      return {
        kind: NotificationKind.PaymentRequest,
        wording: wording.paymentRequest,
        values: () => ({ amount: amountVnd(event.amountVnd), reason: event.reason }),
      }
    case 'issued':
      return {
        kind: NotificationKind.ResultReady,
        wording: wording.resultReady,
        values: () => ({ resultNumber: event.resultNumber }),
      }
    case 'result-returned':
      return {
        kind: NotificationKind.ResultReturned,
        wording: wording.resultReturned,
        values: ({ at }) => ({ returnedAt: at(event.at), method: returnMethods[event.method] ?? event.method }),
      }
    default:
      return null
  }
}

/**
 * Thông báo cho người nộp: the notice an event of a dossier warrants, or null when it warrants none.
 * `dossier` is the state right after the event; the wording is Vietnamese, times are Vietnam time.
 */
export function notificationFor(
  event: DossierEvent,
  dossier: Dossier,
  procedureName: string,
  links: NotificationLinks,
): Notification | null {
  const chosen = choose(event, dossier)
  if (!chosen) return null
  const baseUrl = links.publicBaseUrl.replace(/\/+$/, '')
  const dossierUrl = fill(common.dossierUrl, { baseUrl, id: encodeURIComponent(links.dossierId) })
  const url =
    dossier.code === null ? dossierUrl : fill(common.trackingUrl, { baseUrl, code: encodeURIComponent(dossier.code) })
  // The SMS names the code already: its link is the bare tracking page, to stay within one part.
  const smsUrl = dossier.code === null ? dossierUrl : fill(common.trackingPage, { baseUrl })
  const shared = (style: Style): Values => ({
    name: dossier.applicant.name,
    procedure: procedureName,
    code: dossier.code ?? '',
    ref: dossier.code ?? fill(common.submittedRef, { time: style.at(dossier.submittedAt) }),
    submittedAt: style.at(dossier.submittedAt),
    url: style.sms ? smsUrl : url,
    ratingUrl: dossierUrl,
    ...chosen.values(style),
  })
  const values = shared({ at: noticeTime, sms: false })
  const w = chosen.wording
  const text = [
    fill(common.greeting, values),
    '',
    ...w.lines.map((line) => fill(line, values)),
    '',
    fill(common.trackAt, { url }),
    '',
    '--',
    common.footer,
    fill(common.footerEn, { ref: dossier.code ?? procedureName, url }),
  ].join('\n')
  return {
    kind: chosen.kind,
    subject: fill(w.subject, values),
    text,
    sms: fitSms(w.sms, shared({ at: smsTime, sms: true }), w.shrink),
  }
}
