import { type DayNumber, dateOfDay, dayOf, type EpochMs, instantAt, minuteOfDay } from '../calendar/local-time.ts'
import type { Fee, RequiredDocument } from '../catalog/procedure.ts'
import { keyFactRows, type PlaceNames } from '../declarations/declared-values.ts'
import type { FormDefinition } from '../declarations/form-definition.ts'
import { controlSheet, trackingBookRow } from '../dossier/registers.ts'
import type { Dossier, WithdrawalRequest } from '../dossier/state.ts'
import { DossierStatus } from '../dossier/status.ts'
import { editionFor, editionOn, type FormEdition } from './editions.ts'
import type { DossierFormNumber, FieldRow, FormBlock, FormDocument, FormNumber } from './form-document.ts'
import { common, type FormTemplate, fill, templateFor } from './templates.ts'

/** What a form needs besides the dossier: names looked up by the caller (the store), never here. */
export type FormContext = {
  /** Current names of the agencies the dossier touches, by id. */
  readonly agencyNames: Readonly<Record<string, string>>
  /** Place name of the place-and-date line, e.g. the province. */
  readonly place: string
  readonly procedure: {
    readonly name: string
    readonly requiredDocuments: readonly RequiredDocument[]
    readonly fees: readonly Fee[]
    readonly legalBasis: readonly string[]
  }
  /** Public site, e.g. https://motcua.example.vn: the QR code points at its tracking page. */
  readonly baseUrl: string
  /** The form the dossier's declaration was made on (its key facts go on receipt 01); null without one. */
  readonly declarationForm?: FormDefinition | null
  /** Names of the units the declaration's addresses hold as codes. */
  readonly placeNames?: PlaceNames
}

const pad = (n: number) => String(n).padStart(2, '0')

function parts(instant: EpochMs) {
  const d = dateOfDay(dayOf(instant))
  const minute = minuteOfDay(instant)
  return {
    hh: pad(Math.floor(minute / 60)),
    mm: pad(minute % 60),
    dd: pad(d.day),
    MM: pad(d.month),
    yyyy: String(d.year),
  }
}

/** "09 giờ 05 phút, ngày 26 tháng 11 năm 2026" in Vietnam time. */
export const timeWording = (instant: EpochMs): string => fill(common.time, parts(instant))
/** "ngày 26 tháng 11 năm 2026". */
export const dateWording = (instant: EpochMs): string => fill(common.date, parts(instant))
/** The appointment line of the receipt: the time, or the statutory sentence when there is none. */
export const appointmentWording = (appointmentAt: EpochMs | null): string =>
  appointmentAt === null ? common.noAppointment : timeWording(appointmentAt)
const shortTime = (instant: EpochMs | null): string => (instant === null ? '' : fill(common.shortTime, parts(instant)))
const dayStart = (day: DayNumber): EpochMs => instantAt(day, 0)

/** The public tracking URL of a dossier code. */
export const trackingUrl = (baseUrl: string, code: string): string =>
  fill(common.trackingUrl, { baseUrl: baseUrl.replace(/\/+$/, ''), code: encodeURIComponent(code) })

const name = (ctx: { agencyNames: Readonly<Record<string, string>> }, id: string | null): string =>
  id === null ? common.blank : (ctx.agencyNames[id] ?? id)
const orBlank = (value: string | null | undefined): string => (value ? value : common.blank)

/** A form's template in the edition the dossier follows (by its reception day), with the procedure's override. */
const templateOf = (form: FormNumber, d: Dossier) => {
  const edition = editionFor(d)
  return { edition, t: templateFor(form, edition.forms, d.procedure.code) }
}

function document(
  form: FormNumber,
  { edition, t }: { edition: FormEdition; t: FormTemplate },
  init: {
    agency: string
    code: string
    number: string | null
    place: string
    at: EpochMs
    subtitle?: string | null
    blocks: FormBlock[]
  },
): FormDocument {
  const circular = edition.circular
  return {
    form,
    formLabel: t.number === null ? null : fill(common.formLabel, { n: t.number }),
    basis:
      t.number === null ? fill(common.unnumberedBasis, { circular }) : fill(common.basis, { n: t.number, circular }),
    orientation: t.orientation,
    header: {
      agency: init.agency.toLocaleUpperCase('vi'),
      nation: common.nation,
      motto: common.motto,
      number: init.number === null ? null : fill(common.number, { number: init.number }),
      placeDate: fill(common.placeDate, { place: init.place, date: dateWording(init.at) }),
    },
    title: t.title,
    subtitle: init.subtitle ?? null,
    blocks: init.blocks,
    issuedAt: init.at,
    fileName:
      t.number === null
        ? fill(common.unnumberedFileName, { slug: t.slug ?? `mau-${form}`, code: init.code })
        : fill(common.fileName, { n: t.number, code: init.code }),
  }
}

const fields = (t: FormTemplate, rows: [key: string, value: string][]): FormBlock => ({
  kind: 'fields',
  rows: rows.map(([key, value]): FieldRow => ({ label: t.labels[key] ?? key, value })),
})
const paragraph = (text: string, bold = false): FormBlock => ({ kind: 'paragraph', text, bold })
const signatures = (t: FormTemplate, names: string[]): FormBlock => ({
  kind: 'signatures',
  blocks: t.signatures.map((s, i) => ({ ...s, name: names[i] ?? '' })),
})
const refOf = (d: Dossier) => d.code ?? common.blank
const fileCode = (d: Dossier) => d.code ?? `ho-so-${d.submittedAt}`

/** The declaration's key facts (label: value), under their heading; nothing when the dossier has none. */
function keyFacts(t: FormTemplate, d: Dossier, ctx: FormContext): FormBlock[] {
  const form = ctx.declarationForm
  if (!form || !d.declaration || form.keyFacts.length === 0) return []
  const rows = keyFactRows(form, d.declaration.data, ctx.placeNames).map((r) => ({ ...r, value: orBlank(r.value) }))
  return [paragraph(t.labels.keyFacts ?? '', true), { kind: 'fields', rows }]
}

/** 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Applies once the dossier is received. */
function receipt(d: Dossier, ctx: FormContext): FormDocument | null {
  if (d.code === null || d.receivedAt === null) return null
  const form = templateOf('01', d)
  const { t } = form
  const unit = name(ctx, d.receivingAgencyId)
  const required = new Map(ctx.procedure.requiredDocuments.map((r) => [r.name, r]))
  const rows = d.components.map((c, i) => {
    const r = required.get(c.name)
    return [String(i + 1), c.name, common.documentForms[r?.form ?? 'original'] ?? '', String(r?.quantity ?? 1)]
  })
  const fees =
    ctx.procedure.fees.length === 0
      ? common.none
      : ctx.procedure.fees.map((f) => fill(common.fee, { name: f.name, text: f.text })).join('; ')
  const serial = Number(/-(\d+)$/.exec(d.code)?.[1] ?? 0)
  const url = trackingUrl(ctx.baseUrl, d.code)
  const officer = d.steps.find((s) => s.phase === 'reception')?.handedBy.name ?? ''
  return document('01', form, {
    agency: unit,
    code: d.code,
    number: null,
    place: ctx.place,
    at: d.receivedAt,
    blocks: [
      { kind: 'codes', code: d.code, url, caption: fill(t.labels.codesCaption ?? '', { url }) },
      fields(t, [['code', d.code]]),
      paragraph(fill(t.labels.intro ?? '', { agency: unit })),
      fields(t, [
        ['applicant', d.applicant.name],
        ['address', orBlank(d.applicant.address)],
        ['phone', orBlank(d.applicant.phone)],
        ['email', orBlank(d.applicant.email)],
        ['content', ctx.procedure.name],
      ]),
      ...keyFacts(t, d, ctx),
      paragraph(t.labels.components ?? '', true),
      { kind: 'table', columns: t.columns ?? [], rows },
      fields(t, [
        ['sets', fill(t.labels.setsValue ?? '{n}', { n: 1 })],
        ['receivedAt', timeWording(d.receivedAt)],
        ['appointmentAt', appointmentWording(d.appointmentAt)],
        ['collectAt', unit],
        ['fees', fees],
      ]),
      paragraph(fill(t.labels.book ?? '', { volume: dateOfDay(dayOf(d.receivedAt)).year, serial })),
      signatures(t, [d.applicant.name, officer]),
    ],
  })
}

/** What form 02 prints: one request, its items each with why, who guides and from which agency. */
type SupplementSheet = {
  readonly n: number
  readonly at: EpochMs
  readonly agencyId: string
  readonly officer: string
  readonly items: readonly (readonly [item: string, reason: string])[]
  readonly exception: { readonly approver: string; readonly legalBasis: string } | null
  readonly atReception: boolean
}

/** The latest supplement request in processing; without one, the counter's guidance at reception. */
function supplementSheet(d: Dossier): SupplementSheet | null {
  const n = d.supplementRequests.length
  const last = d.supplementRequests[n - 1]
  if (last)
    return {
      n,
      at: last.at,
      agencyId: last.agencyId,
      officer: d.assignee?.name ?? d.steps[d.steps.length - 1]?.handedBy.name ?? '',
      items: last.items.map((item) => [item, last.reason] as const),
      exception: last.exception,
      atReception: false,
    }
  const guidance = d.receptionGuidance ?? null
  if (!guidance) return null
  return {
    n: Math.max(1, d.receptionSupplements),
    at: guidance.at,
    agencyId: guidance.agencyId,
    officer: guidance.officer,
    items: guidance.items.map((item) => [item.name, item.reason] as const),
    exception: null,
    atReception: true,
  }
}

/**
 * 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the latest request in processing, else the counter's
 * written guidance at reception (Decree 118/2025/NĐ-CP; Decree 61/2018/NĐ-CP Art. 15(2)(b)).
 */
function supplementRequest(d: Dossier, ctx: FormContext): FormDocument | null {
  const sheet = supplementSheet(d)
  if (!sheet) return null
  const form = templateOf('02', d)
  const { t } = form
  const agency = name(ctx, sheet.agencyId)
  const officer = sheet.officer
  const when: [string, string] =
    d.receivedAt === null ? ['submittedAt', timeWording(d.submittedAt)] : ['receivedAt', timeWording(d.receivedAt)]
  const code: [string, string][] = d.code === null ? [] : [['code', d.code]]
  return document('02', form, {
    agency,
    code: fileCode(d),
    number: d.code === null ? null : fill(t.labels.number ?? '', { code: d.code, n: sheet.n }),
    place: ctx.place,
    at: sheet.at,
    blocks: [
      fields(t, [['applicant', d.applicant.name], ...code, ['content', ctx.procedure.name], when]),
      paragraph(t.labels.intro ?? '', true),
      {
        kind: 'table',
        columns: t.columns ?? [],
        rows: sheet.items.map(([item, reason], i) => [String(i + 1), item, reason]),
      },
      ...(sheet.exception ? [paragraph(fill(t.labels.exception ?? '', { n: sheet.n, ...sheet.exception }))] : []),
      paragraph(fill(t.labels.closing ?? '', { officer: orBlank(officer), agency })),
      signatures(t, [officer]),
    ],
  })
}

/** 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
function rejection(d: Dossier, ctx: FormContext): FormDocument | null {
  if (d.status !== DossierStatus.NotReceived || d.closing === null) return null
  const form = templateOf('03', d)
  const { t } = form
  const unit = name(ctx, d.receivingAgencyId)
  return document('03', form, {
    agency: unit,
    code: fileCode(d),
    number: null,
    place: ctx.place,
    at: d.endedAt ?? d.submittedAt,
    blocks: [
      paragraph(fill(t.labels.intro ?? '', { agency: unit })),
      fields(t, [
        ['applicant', d.applicant.name],
        ['address', orBlank(d.applicant.address)],
        ['phone', orBlank(d.applicant.phone)],
        ['content', ctx.procedure.name],
      ]),
      paragraph(t.labels.decision ?? ''),
      fields(t, [
        ['legalBasis', orBlank(d.closing.legalBasis)],
        ['reason', d.closing.reason],
      ]),
      paragraph(t.labels.sorry ?? ''),
      signatures(t, ['']),
    ],
  })
}

/**
 * 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Circular 03/2025/TT-VPCP; Phiếu xin lỗi
 * và hẹn lại ngày trả kết quả under Circular 01/2018/TT-VPCP), signed by the head of the processing agency.
 */
function apology(d: Dossier, ctx: FormContext): FormDocument | null {
  if (d.apology === null) return null
  const form = templateOf('04', d)
  const { t } = form
  const agency = name(ctx, d.processingAgencyId ?? d.receivingAgencyId)
  return document('04', form, {
    agency,
    code: fileCode(d),
    number: null,
    place: ctx.place,
    at: d.apology.at,
    blocks: [
      fields(t, [
        ['to', d.applicant.name],
        ['code', refOf(d)],
        ['content', ctx.procedure.name],
        ['receivedAt', d.receivedAt === null ? common.blank : timeWording(d.receivedAt)],
        ['originalAt', appointmentWording(d.originalAppointmentAt)],
        ['reason', d.apology.reason],
      ]),
      paragraph(fill(t.labels.apology ?? '', { agency })),
      fields(t, [['newAt', timeWording(d.apology.newAppointmentAt)]]),
      paragraph(t.labels.thanks ?? ''),
      signatures(t, ['']),
    ],
  })
}

/** Why and when a received dossier stopped: a stop by the agency (status 8), or a withdrawal it accepted (7). */
type Stop = {
  readonly at: EpochMs
  readonly reason: string
  readonly legalBasis: string
  readonly request: WithdrawalRequest | null
}

function stopOf(d: Dossier): Stop | null {
  if (d.status === DossierStatus.Stopped && d.closing !== null && d.endedAt !== null)
    return { at: d.endedAt, reason: d.closing.reason, legalBasis: d.closing.legalBasis, request: null }
  const request = d.withdrawal ?? null
  if (d.status === DossierStatus.Withdrawn && request?.accepted === true && request.decidedAt !== null)
    return { at: request.decidedAt, reason: request.reason, legalBasis: '', request }
  return null
}

/**
 * 05: Thông báo dừng giải quyết hồ sơ (Circular 03/2025/TT-VPCP): a stop by the agency, or one at the
 * applicant's request that the agency accepted, citing that request. Dossiers under Circular
 * 01/2018/TT-VPCP, which has no such form, get our notice without a form number.
 */
function stopNotice(d: Dossier, ctx: FormContext): FormDocument | null {
  const stop = stopOf(d)
  if (!stop) return null
  const form = templateOf('05', d)
  const { t } = form
  const agency = name(ctx, d.processingAgencyId ?? d.receivingAgencyId)
  const request = stop.request
  // A stop cites its legal basis; an accepted withdrawal cites the request, and the agency's note if any.
  const basisRows: [string, string][] = request
    ? request.note
      ? [['note', request.note]]
      : []
    : [['legalBasis', orBlank(stop.legalBasis)]]
  return document('05', form, {
    agency,
    code: fileCode(d),
    number: null,
    place: ctx.place,
    at: stop.at,
    blocks: [
      fields(t, [
        ['to', d.applicant.name],
        ['code', refOf(d)],
        ['content', ctx.procedure.name],
        ['receivedAt', d.receivedAt === null ? common.blank : timeWording(d.receivedAt)],
      ]),
      ...(request
        ? [
            paragraph(
              fill(t.labels.request ?? '', {
                applicant: d.applicant.name,
                requestedAt: dateWording(request.requestedAt),
              }),
            ),
          ]
        : []),
      fields(t, [['stoppedAt', timeWording(stop.at)], ['reason', stop.reason], ...basisRows]),
      paragraph(fill(t.labels.closing ?? '', { agency })),
      signatures(t, [request?.decidedBy ?? '']),
    ],
  })
}

/** 06: Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per handover. */
function controlSheetForm(d: Dossier, ctx: FormContext): FormDocument | null {
  if (d.steps.length === 0 || d.receivedAt === null) return null
  const form = templateOf('06', d)
  const { t } = form
  const rows = controlSheet(d).map((r) => [
    fill(t.labels.agencyCell ?? '', { agency: name(ctx, r.agencyId), step: r.step }),
    fill(t.labels.handover ?? '', {
      handedAt: shortTime(r.handedAt),
      handedBy: r.handedBy,
      finishedAt: r.finishedAt === null ? common.blank : shortTime(r.finishedAt),
      receivedBy: r.receivedBy ?? common.blank,
    }),
    common.timeliness[r.timeliness ?? 'open'],
    fill(t.labels.note ?? '', { dueAt: shortTime(r.dueAt) }),
  ])
  return document('06', form, {
    agency: name(ctx, d.receivingAgencyId),
    code: fileCode(d),
    number: null,
    place: ctx.place,
    at: d.receivedAt,
    blocks: [
      fields(t, [
        ['code', refOf(d)],
        ['applicant', d.applicant.name],
        ['content', ctx.procedure.name],
        ['receivedAt', timeWording(d.receivedAt)],
        ['appointmentAt', appointmentWording(d.appointmentAt)],
      ]),
      { kind: 'table', columns: t.columns ?? [], rows },
    ],
  })
}

const builders: Record<DossierFormNumber, (d: Dossier, ctx: FormContext) => FormDocument | null> = {
  '01': receipt,
  '02': supplementRequest,
  '03': rejection,
  '04': apology,
  '05': stopNotice,
  '06': controlSheetForm,
}

/** Form `form` of a dossier, or null when it does not apply (yet): no apology, no rejection… */
export function buildDossierForm(form: DossierFormNumber, d: Dossier, ctx: FormContext): FormDocument | null {
  return builders[form](d, ctx)
}

export type TrackingBookContext = {
  readonly agencyId: string
  readonly agencyNames: Readonly<Record<string, string>>
  readonly procedureNames: Readonly<Record<string, string>>
  readonly place: string
  readonly from: DayNumber
  readonly to: DayNumber
}

/**
 * 07: Sổ theo dõi hồ sơ of a receiving unit for a period, in order of reception, in the edition in force
 * on the period's first day (product rule, docs/rules.md "Forms 01–07").
 */
export function buildTrackingBook(dossiers: readonly Dossier[], ctx: TrackingBookContext): FormDocument {
  const edition = editionOn(ctx.from)
  const t = templateFor('07', edition.forms, null)
  const from = fill(common.shortDate, parts(dayStart(ctx.from)))
  const to = fill(common.shortDate, parts(dayStart(ctx.to)))
  const rows = [...dossiers]
    .sort((a, b) => (a.receivedAt ?? a.submittedAt) - (b.receivedAt ?? b.submittedAt))
    .map((d, i) => {
      const r = trackingBookRow(d)
      return [
        String(i + 1),
        r.code ?? '',
        ctx.procedureNames[r.procedureCode] ?? r.procedureCode,
        String(r.sets),
        r.applicant,
        r.contact,
        r.leadAgencyId === null ? '' : name(ctx, r.leadAgencyId),
        shortTime(r.receivedAt),
        r.receivedAt === null ? '' : r.appointmentAt === null ? common.noAppointment : shortTime(r.appointmentAt),
        shortTime(r.sentToAgencyAt),
        shortTime(r.resultReceivedAt),
        shortTime(r.returnedAt),
        r.notes,
      ]
    })
  return document(
    '07',
    { edition, t },
    {
      agency: name(ctx, ctx.agencyId),
      code: `${ctx.agencyId}-${fill(common.shortDate, parts(dayStart(ctx.from))).replaceAll('/', '')}`,
      number: null,
      place: ctx.place,
      at: dayStart(ctx.to),
      subtitle: fill(t.subtitle ?? '', { from, to }),
      blocks: [{ kind: 'table', columns: t.columns ?? [], rows }],
    },
  )
}
