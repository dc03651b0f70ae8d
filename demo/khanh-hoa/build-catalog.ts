/**
 * Builds demo/khanh-hoa/catalog.json, the demo catalogue of Tỉnh Khánh Hòa, from the sourced public
 * data vendored in demo/khanh-hoa/sources (khanh-hoa-units.json, procedures.json, former-units.json). See
 * docs/data-sources.md.
 *
 * Usage: node demo/khanh-hoa/build-catalog.ts [dataDir] [outFile]
 *   dataDir defaults to demo/khanh-hoa/sources, outFile to demo/khanh-hoa/catalog.json.
 *
 * Everything motcua adds that no public source confirms is written into the record's
 * `source.illustrative`, using the notes in `Note` below (the test checks for them).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Value } from 'typebox/value'
import { type Agency, AgencyKind, type DatedCode, defaultOfficeHours } from '../../src/domain/catalog/agency.ts'
import { Catalog } from '../../src/domain/catalog/catalog.ts'
import { checkCatalog } from '../../src/domain/catalog/check-catalog.ts'
import type {
  Fee,
  Field,
  OnlineLevel,
  Procedure,
  ProcedureVersion,
  RequiredDocument,
  WorkflowStep,
} from '../../src/domain/catalog/procedure.ts'
import type { SourceRef } from '../../src/domain/catalog/source.ts'
import { limitInWorkingHours, type TimeLimit } from '../../src/domain/catalog/time-limit.ts'
import { buildFormerUnits, FormerNote, type FormerUnitsFile, reformDate } from './build-former-units.ts'
import { slug } from './slug.ts'

export const generatedBy = 'demo/khanh-hoa/build-catalog.ts — generated, do not edit'
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const defaultDataDir = resolve(repoRoot, 'demo/khanh-hoa/sources')
export const defaultOutFile = resolve(repoRoot, 'demo/khanh-hoa/catalog.json')

/** Khai sinh: the data README says its published steps give the 15:00 cut-off. */
const cutoffPublishedCodes = new Set(['1.001193'])

/**
 * Limits read from the procedure's law where the national record publishes a bare number (docs/rules.md,
 * "Demo province data"). Đăng ký khai sinh: the civil-status officer records the birth "ngay sau khi nhận đủ
 * giấy tờ" (Luật Hộ tịch 2014 Art. 16(2)); a matter the Law settles within the day that is received after
 * 15:00 and cannot be settled at once is returned the next working day (Decree 123/2015/NĐ-CP Art. 3), the
 * 15:00 part being the procedure's cut-off. The law applies to every channel, so there is no online limit.
 */
export const limitsInTheLaw: Readonly<Record<string, { timeLimit: TimeLimit; basis: string }>> = {
  '1.001193': {
    timeLimit: { unit: 'within_day' },
    basis:
      'thời hạn: ngay trong ngày tiếp nhận, nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo (Luật Hộ tịch 2014 Điều 16 khoản 2; Nghị định 123/2015/NĐ-CP Điều 3)',
  },
}

/** Illustrative notes, each starting with the field it concerns. The test looks for these prefixes. */
export const Note = {
  qcvn: 'codes: QCVN 102 code illustrative (no public source gives the post-2025 QCVN 102:2016 identifiers of Khánh Hòa units)',
  departmentFrom:
    'names.validFrom: 2025-07-01 is the date the merged province took effect; the act establishing this body in the merged province was not found',
  provincialCentreName:
    "names: 'Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa' is only partly confirmed (a November 2025 article names the provincial 'Trung tâm Phục vụ hành chính công'); the act establishing or renaming it after the merger was not found",
  provincialCentreParent: 'parentId: placed directly under the provincial People’s Committee by motcua',
  communeCentreName:
    'names: centres exist at commune level under Decree 118/2025/NĐ-CP; the exact name of this commune’s centre is not confirmed',
  centralBranchName:
    'names: name per the 2025 reorganisation of tax, police and social insurance, not confirmed by the project’s sources',
  ...FormerNote,
  steps: 'steps: internal workflow steps and budgets illustrative',
  assumedUnit: 'timeLimit: published without a unit; assumed working days',
  assumedOnlineUnit: 'onlineTimeLimit: published without a unit; assumed working days',
  cutoff:
    'cutoffTime: 15:00 cut-off of the civil-status rules (Luật Hộ tịch and its guidance) applied by motcua; not stated in this record',
  onlineLevel: 'onlineLevel: level not published; online submission is published',
  fullOnlineEligible:
    'fullOnlineEligible: judged by motcua (online submission is published and the result can be issued as an e-document)',
  anyLocation:
    'anyLocation: set by motcua (Decree 118/2025/NĐ-CP lets one-stop units receive listed procedures regardless of address; Decree 23/2015/NĐ-CP does not tie copy and signature certification to residence); not published for this procedure',
  landInterAgency:
    'interAgency: liên thông with the tax authority (financial obligations), not published as liên thông in the source',
  resultName: "resultName: result not published; motcua uses the generic 'Kết quả giải quyết'",
  competentPrefix: 'competentAgencyId: competent agency mapped by motcua from the category',
  levelPrefix: 'level: not published',
  centralPrefix: 'level: central (published',
  fieldPrefix: 'fieldId: field not published',
  documentsBothPrefix: "requiredDocuments: published as 'bản chính, bản sao'",
  documentsQuantityPrefix: 'requiredDocuments: quantity not published',
  documentsFormPrefix: 'requiredDocuments: form not published',
  statutoryCut:
    'timeLimit: cut by a third below the statutory limit by motcua for the time-reduction demo; no provincial decision (reductionIllustrative)',
} as const

/**
 * Six procedures whose limit motcua cuts by a third below the statutory one (the reform's "cut by 1/3
 * to 1/2"), so that the time-reduction analysis has cuts to show. No Khánh Hòa decision is known for
 * them: each is marked `reductionIllustrative` and with `Note.statutoryCut`, and has no `reducedBy`.
 */
const illustrativeCutCodes: ReadonlySet<string> = new Set([
  '1.008128',
  '1.013997',
  '1.010727',
  '1.010733',
  '1.013236',
  '3.000333',
])

/** A record of the national TTHC database (the first 80 of procedures.json), by its page address. */
const nationalRecordPage = /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//

type Statute = { readonly limit: TimeLimit; readonly source: string }

/**
 * The statutory limit and where it comes from (docs/rules.md "Statutory and local time limits"): the
 * limit the national record publishes (for the direct channel), cited by record, page and publishing
 * decision; the law where the catalogue reads the limit from it. Undefined for provincial and old-portal
 * records and for national records that publish no limit.
 */
function statuteOf(r: ProcedureRecord, published: TimeLimit): Statute | undefined {
  const fromLaw = r.code === null ? undefined : limitsInTheLaw[r.code]
  if (r.code === null || !nationalRecordPage.test(r.source)) return undefined
  const record = `Cơ sở dữ liệu quốc gia về thủ tục hành chính, bản ghi ${r.code} (${r.source}); quyết định công bố ${r.publishingDecision ?? 'không ghi'}`
  if (fromLaw) return { limit: fromLaw.timeLimit, source: `${fromLaw.basis}; ${record}` }
  if (!('value' in published) || !r.timeLimit) return undefined
  return { limit: published, source: `${record}; thời hạn công bố (${r.timeLimit.channel}): "${r.timeLimit.text}"` }
}

/** The illustrative cut by a third of a statutory limit, in the same unit, rounded to whole days. */
function illustrativeCut(r: ProcedureRecord, statute: Statute | undefined): TimeLimit | undefined {
  if (r.code === null || !illustrativeCutCodes.has(r.code)) return undefined
  if (!statute || !('value' in statute.limit)) throw new Error(`${r.code}: an illustrative cut needs a statutory limit`)
  return { unit: statute.limit.unit, value: Math.round((statute.limit.value * 2) / 3) }
}

// ---------------------------------------------------------------------------------------------
// Input shapes (only the fields used here)

type Commune = {
  name: string
  kind: string
  code: string
  formedFrom: string[]
  formedFromPartial: string[]
  source: string
  formedFromSource: string
}
type Department = { name: string; source: string; sourceDate: string | null; note?: string }
type UnitsFile = {
  province: {
    name: string
    code: string
    codeSource: string
    legalBasis: string[]
    publicAdministrationServiceCenter: { name: string; sources: { url: string; date: string | null }[] }
  }
  communes: Commune[]
  departments: Department[]
  sources: { title: string; url: string; date: string | null }[]
}
type RawTimeLimit = { value: number | null; unit: string | null; text: string | null; channel?: string; note?: string }
type RawFee = { name: string; amount: number | string | null; note: string | null; channels?: string[] }
type RawDocument = {
  name: string
  form: string | null
  quantity: number | Record<string, number> | null
  group?: string | null
}
export type ProcedureRecord = {
  code: string | null
  name: string
  field: string | null
  category: string
  level: 'xã' | 'tỉnh' | 'trung ương' | null
  levelsPublished: string[] | null
  agency: string | null
  timeLimit: RawTimeLimit | null
  timeLimitByChannel: { channel: string; text: string | null }[] | null
  onlineLevel: string | number | null
  submissionChannels: string[] | null
  fees: RawFee[]
  documents: RawDocument[]
  result: string | null
  legalBasis: string[]
  interAgency: boolean
  publishingDecision: string | null
  source: string
  sourceTitle: string
  sourceSnapshot: string | null
  notes: string | null
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Collapse every kind of space (the source texts contain no-break spaces) for matching. */
const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()
const officeHours = () => defaultOfficeHours.map((s) => ({ ...s }))
const pad2 = (n: number) => String(n).padStart(2, '0')
const vnd = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`

function illustrativeCode(code: string): DatedCode[] {
  return [{ code, validFrom: reformDate, validTo: null, confirmed: false }]
}

function sourceUrl(units: UnitsFile, needle: string): string | null {
  return units.sources.find((s) => s.url.includes(needle))?.url ?? null
}

// ---------------------------------------------------------------------------------------------
// Agencies

/** The 13 confirmed departments, in the order that numbers their illustrative QCVN 102 codes. */
const departmentIds: readonly (readonly [string, string])[] = [
  ['so-xay-dung', 'Sở Xây dựng'],
  ['so-tu-phap', 'Sở Tư pháp'],
  ['so-tai-chinh', 'Sở Tài chính'],
  ['so-nong-nghiep-moi-truong', 'Sở Nông nghiệp và Môi trường'],
  ['so-noi-vu', 'Sở Nội vụ'],
  ['so-giao-duc-dao-tao', 'Sở Giáo dục và Đào tạo'],
  ['so-y-te', 'Sở Y tế'],
  ['so-van-hoa-the-thao-du-lich', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['so-cong-thuong', 'Sở Công Thương'],
  ['so-khoa-hoc-cong-nghe', 'Sở Khoa học và Công nghệ'],
  ['so-dan-toc-ton-giao', 'Sở Dân tộc và Tôn giáo'],
  ['thanh-tra-tinh', 'Thanh tra tỉnh'],
  ['van-phong-ubnd-tinh', 'Văn phòng Ủy ban nhân dân tỉnh'],
]

const centralBranches: readonly (readonly [string, string, string])[] = [
  ['thue-tinh', 'Thuế tỉnh Khánh Hòa', '91'],
  ['cong-an-tinh', 'Công an tỉnh Khánh Hòa', '92'],
  ['bhxh-tinh', 'Bảo hiểm xã hội tỉnh Khánh Hòa', '93'],
]

/** "Phường Bắc Nha Trang" → "phường Bắc Nha Trang" (unit-type word in lower case). */
function lowerKind(commune: Commune): string {
  const kind = commune.kind
  if (!commune.name.toLowerCase().startsWith(kind)) throw new Error(`unit ${commune.name} does not start with ${kind}`)
  return kind + commune.name.slice(kind.length)
}

export function buildAgencies(units: UnitsFile, former: FormerUnitsFile): Agency[] {
  const agencies: Agency[] = []
  const qd19Url = sourceUrl(units, 'nso.gov.vn')
  const datasetUrl = sourceUrl(units, 'releases/tag/v3.0.2')
  const bandoUrl = sourceUrl(units, 'bando_co_dvch.sql')

  agencies.push({
    id: 'ubnd-tinh',
    kind: AgencyKind.ProvincialCommittee,
    parentId: null,
    statisticalCode: units.province.code,
    names: [{ name: 'Ủy ban nhân dân tỉnh Khánh Hòa', validFrom: reformDate, validTo: null }],
    codes: illustrativeCode('000.00.00.H34'),
    officeHours: officeHours(),
    successors: [],
    source: {
      url: qd19Url,
      title: `${units.province.codeSource}; ${units.province.legalBasis.join('; ')}`,
      illustrative: [Note.qcvn],
    },
  })

  departmentIds.forEach(([id, name], i) => {
    const dep = units.departments.find((d) => d.name === name)
    if (!dep) throw new Error(`department ${name} missing from khanh-hoa-units.json`)
    agencies.push({
      id,
      kind: AgencyKind.Department,
      parentId: 'ubnd-tinh',
      statisticalCode: null,
      names: [{ name: dep.name, validFrom: reformDate, validTo: null }],
      codes: illustrativeCode(`000.00.${pad2(i + 1)}.H34`),
      officeHours: officeHours(),
      successors: [],
      source: {
        url: dep.source,
        title: `Article naming ${dep.name} of Khánh Hòa after 1 July 2025${dep.sourceDate ? ` (${dep.sourceDate})` : ''}${dep.note ? `. ${dep.note}` : ''}`,
        illustrative: [Note.qcvn, Note.departmentFrom],
      },
    })
  })

  const centre = units.province.publicAdministrationServiceCenter
  agencies.push({
    id: 'ttpvhcc-tinh',
    kind: AgencyKind.ProvincialServiceCenter,
    parentId: 'ubnd-tinh',
    statisticalCode: null,
    names: [{ name: centre.name, validFrom: reformDate, validTo: null }],
    codes: illustrativeCode('000.00.20.H34'),
    officeHours: officeHours(),
    successors: [],
    source: {
      url: centre.sources[0]?.url ?? null,
      title: 'Article referring to the provincial Trung tâm Phục vụ hành chính công of Khánh Hòa after the merger',
      illustrative: [Note.provincialCentreName, Note.provincialCentreParent, Note.qcvn],
    },
  })

  const seenCodes = new Set<string>()
  for (const commune of units.communes) {
    const ccc = commune.code.slice(-3)
    if (seenCodes.has(ccc)) throw new Error(`last 3 digits of ${commune.code} not unique; change the code scheme`)
    seenCodes.add(ccc)
    const unitName = lowerKind(commune)
    agencies.push({
      id: `xa-${commune.code}`,
      kind: AgencyKind.CommuneCommittee,
      parentId: 'ubnd-tinh',
      statisticalCode: commune.code,
      names: [{ name: `Ủy ban nhân dân ${unitName}`, validFrom: reformDate, validTo: null }],
      codes: illustrativeCode(`${ccc}.00.00.H34`),
      officeHours: officeHours(),
      successors: [],
      source: { url: datasetUrl, title: commune.source, illustrative: [Note.qcvn] },
    })
    agencies.push({
      id: `ttpvhcc-${commune.code}`,
      kind: AgencyKind.CommuneServiceCenter,
      parentId: `xa-${commune.code}`,
      statisticalCode: null,
      names: [{ name: `Trung tâm Phục vụ hành chính công ${unitName}`, validFrom: reformDate, validTo: null }],
      codes: illustrativeCode(`${ccc}.00.01.H34`),
      officeHours: officeHours(),
      successors: [],
      source: {
        url: null,
        title: `Decree 118/2025/NĐ-CP (commune-level public administration service centres); unit name from ${commune.source}`,
        illustrative: [Note.communeCentreName, Note.qcvn],
      },
    })
  }

  for (const [id, name, nn] of centralBranches) {
    agencies.push({
      id,
      kind: AgencyKind.CentralBranch,
      parentId: null,
      statisticalCode: null,
      names: [{ name, validFrom: reformDate, validTo: null }],
      codes: illustrativeCode(`000.00.${nn}.H34`),
      officeHours: officeHours(),
      successors: [],
      source: {
        url: null,
        title: 'Provincial branch of a central agency, named by motcua',
        illustrative: [Note.centralBranchName, Note.qcvn],
      },
    })
  }

  agencies.push(...buildFormerUnits(units.communes, bandoUrl, former, departmentIds))
  return agencies
}

// ---------------------------------------------------------------------------------------------
// Fields

const fieldNamesEn: Record<string, string> = {
  'Hộ tịch': 'Civil status',
  'Chứng thực': 'Certification',
  'Lý lịch tư pháp': 'Judicial records',
  'Đăng ký, quản lý cư trú': 'Residence registration and management',
  'Sát hạch, cấp giấy phép lái xe': 'Driving tests and driving licences',
  'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng':
    'Registration and management of motor vehicles and special-use machines',
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)':
    'Establishment and operation of businesses (household businesses)',
  'Thành lập và hoạt động của doanh nghiệp': 'Establishment and operation of enterprises',
  'Hoạt động xây dựng': 'Construction activities',
  'Đất đai': 'Land',
  'Môi trường': 'Environment',
  'Thực hiện chính sách BHXH': 'Social insurance benefits',
  'Giảm nghèo': 'Poverty reduction',
  'Chăn nuôi': 'Livestock production',
  'Thú y': 'Veterinary medicine',
  'Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân': 'Education and training in the national education system',
  'Giáo dục Tiểu học': 'Primary education',
  'Giáo dục trung học': 'Secondary education',
  'Giáo dục - Đào tạo': 'Education and training',
  'Khám bệnh, chữa bệnh': 'Medical examination and treatment',
  'Dược phẩm': 'Pharmaceuticals',
  'Văn hóa': 'Culture',
  'Du lịch': 'Tourism',
  'Lữ hành': 'Travel services',
  'Bảo trợ xã hội': 'Social protection',
  'Người có công': 'People with meritorious service to the revolution',
  'Việc làm': 'Employment',
}

/** Field for the four records published without one; the procedure's source.illustrative says so. */
function assignedField(record: ProcedureRecord): string {
  if (record.category === 'health') return 'Dược phẩm'
  if (record.category === 'culture_tourism') return 'Văn hóa'
  if (record.category === 'labour_social') return 'Bảo trợ xã hội'
  throw new Error(`no field for ${record.name}`)
}

// ---------------------------------------------------------------------------------------------
// Procedures

type Target = { kind: Agency['kind']; id: string | null }
const commune: Target = { kind: AgencyKind.CommuneCommittee, id: null }
const dept = (id: string): Target => ({ kind: AgencyKind.Department, id })
const branch = (id: string): Target => ({ kind: AgencyKind.CentralBranch, id })

/** Patterns by which a published agency text names the body motcua maps to. */
const namedBy: Record<string, RegExp> = {
  commune:
    /(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)( cấp)? xã|Cơ quan đăng ký kinh doanh cấp xã|Cơ quan quản lý đất đai cấp xã/i,
  'so-xay-dung': /Sở Xây dựng/i,
  'so-tu-phap': /Sở Tư pháp/i,
  'so-tai-chinh': /Sở Tài chính/i,
  'so-nong-nghiep-moi-truong': /Sở Nông nghiệp và Môi trường/i,
  'so-noi-vu': /Sở Nội vụ/i,
  'so-giao-duc-dao-tao': /Sở Giáo dục và Đào tạo/i,
  'so-y-te': /Sở Y tế/i,
  'so-van-hoa-the-thao-du-lich': /Sở Văn hóa, Thể thao và Du lịch/i,
  'cong-an-tinh': /Công an( cấp)? tỉnh/i,
  'bhxh-tinh': /Bảo hiểm xã hội( cấp)? tỉnh/i,
}

const categoryDepartment: Record<string, string> = {
  construction: 'so-xay-dung',
  land: 'so-nong-nghiep-moi-truong',
  environment: 'so-nong-nghiep-moi-truong',
  agriculture: 'so-nong-nghiep-moi-truong',
  enterprise: 'so-tai-chinh',
  household_business: 'so-tai-chinh',
  education: 'so-giao-duc-dao-tao',
  health: 'so-y-te',
  culture_tourism: 'so-van-hoa-the-thao-du-lich',
  labour_social: 'so-noi-vu',
  judicial_records: 'so-tu-phap',
  certification: 'so-tu-phap',
  civil_status: 'so-tu-phap',
}

/** Level for records published without one (decided from the agency text where it can be). */
function decideLevel(r: ProcedureRecord): { level: ProcedureVersion['level']; why: string | null } {
  if (r.level === 'xã') return { level: 'commune', why: null }
  if (r.level === 'tỉnh') return { level: 'province', why: null }
  if (r.level === 'trung ương') return { level: 'central', why: null }
  const agency = norm(r.agency)
  if (r.category === 'certification' && r.levelsPublished?.includes('Cấp xã'))
    return {
      level: 'commune',
      why: 'the published levels include Cấp xã, where the certification procedures are handled',
    }
  if (namedBy.commune?.test(agency))
    return { level: 'commune', why: 'the published agency names the commune People’s Committee' }
  if (/trường|Phòng Giáo dục/i.test(agency) && r.category === 'education')
    return {
      level: 'commune',
      why: 'the published agency is a school or the former district Phòng GD&ĐT, whose tasks passed to the commune in July 2025',
    }
  return { level: 'province', why: 'the agency text does not decide it; province by default' }
}

function competent(r: ProcedureRecord, level: ProcedureVersion['level']): Target {
  const agency = norm(r.agency)
  if (r.category === 'residence' || r.category === 'transport') return branch('cong-an-tinh')
  if (r.category === 'judicial_records' && /Công an|Cục hồ sơ/i.test(agency)) return branch('cong-an-tinh')
  if (r.category === 'labour_social' && /Bảo hiểm xã hội/i.test(agency)) return branch('bhxh-tinh')
  if (level === 'commune') return commune
  const id = categoryDepartment[r.category]
  if (!id) throw new Error(`no department for category ${r.category}`)
  return dept(id)
}

const unitOf = (text: string): 'working_days' | 'calendar_days' | 'working_hours' | null => {
  if (/giờ/i.test(text)) return 'working_hours'
  if (/ngày\s*làm\s*việc/i.test(text)) return 'working_days'
  if (/ngày/i.test(text)) return 'calendar_days'
  return null
}

/** A published limit → TimeLimit, with `assumed` true when the unit had to be assumed. */
function parseLimit(raw: RawTimeLimit | null): { limit: TimeLimit; assumed: boolean } {
  if (!raw || raw.value === null) return { limit: { unit: 'none' }, assumed: false }
  const text = norm(raw.text)
  if (/(ngay )?trong (cùng )?ngày/i.test(text) && !/\d/.test(text))
    return { limit: { unit: 'within_day' }, assumed: false }
  switch (raw.unit) {
    case 'working_days':
      return { limit: { unit: 'working_days', value: raw.value }, assumed: false }
    case 'days':
      // A published "ngày" without "làm việc" is calendar days.
      return {
        limit: { unit: /làm việc/i.test(text) ? 'working_days' : 'calendar_days', value: raw.value },
        assumed: false,
      }
    case 'hours':
      return { limit: { unit: 'working_hours', value: raw.value }, assumed: false }
    case null:
      return { limit: { unit: 'working_days', value: raw.value }, assumed: true }
    default:
      throw new Error(`unknown time unit ${raw.unit}`)
  }
}

function parseChannelText(published: string): { limit: TimeLimit; assumed: boolean } | null {
  const text = norm(published)
  if (/trong (cùng )?ngày/i.test(text) && !/\d/.test(text)) return { limit: { unit: 'within_day' }, assumed: false }
  const m = /(\d+(?:[.,]\d+)?)/.exec(text)
  if (!m?.[1]) return null
  const value = Number(m[1].replace(',', '.'))
  const unit = unitOf(text)
  return unit ? { limit: { unit, value }, assumed: false } : { limit: { unit: 'working_days', value }, assumed: true }
}

const sameLimit = (a: TimeLimit, b: TimeLimit) =>
  a.unit === b.unit && ('value' in a ? a.value : null) === ('value' in b ? b.value : null)

function onlineLimit(r: ProcedureRecord, main: TimeLimit): { limit: TimeLimit | null; assumed: boolean } {
  if (!r.timeLimit || r.timeLimit.channel === 'Trực tuyến') return { limit: null, assumed: false }
  const online = r.timeLimitByChannel?.find((c) => c.channel === 'Trực tuyến' && c.text)
  if (!online?.text) return { limit: null, assumed: false }
  const parsed = parseChannelText(online.text)
  if (!parsed || sameLimit(parsed.limit, main)) return { limit: null, assumed: false }
  return { limit: parsed.limit, assumed: parsed.assumed }
}

const hasOnline = (r: ProcedureRecord) => (r.submissionChannels ?? []).some((c) => /Trực tuyến/i.test(c))

/** Categories whose results can be issued as signed e-documents (motcua's judgement). */
const eResultCategories = new Set(['civil_status', 'residence', 'judicial_records', 'enterprise', 'household_business'])

function onlineLevelOf(r: ProcedureRecord): { level: OnlineLevel; notes: string[] } {
  const v = r.onlineLevel
  if (v === 'toan_trinh' || v === 4 || v === '4') return { level: 'full', notes: [] }
  if (v === 'mot_phan' || v === 3 || v === '3') return { level: 'partial', notes: [] }
  if (v !== null) throw new Error(`unknown online level ${v}`)
  return hasOnline(r) ? { level: 'partial', notes: [Note.onlineLevel] } : { level: 'none', notes: [] }
}

const moneyFigure = /\d{1,3}(\.\d{3})+\s*(đồng|đ\b|vnđ)|\d+\s*đồng|USD/i
const feeSetElsewhere =
  /Hội đồng nhân dân|HĐND|theo quy định|quyết định|Thông tư|Luật phí|Nghị định|chính quyền địa phương|Văn bản giá/i

/** Amount in VND: the published figure, 0 when free and nothing else applies, else null (set elsewhere). */
function amountVnd(fee: RawFee): number | null {
  if (typeof fee.amount === 'number') return Number.isInteger(fee.amount) ? fee.amount : null
  if (fee.amount === 'Không') return 0
  if (fee.amount !== 'Miễn phí') return null
  if (fee.note === null) return 0
  // Sentences about an optional copy ("nếu có yêu cầu") do not make the procedure itself charged.
  const rest = norm(fee.note)
    .split(/(?<=\.)\s+/)
    .filter((s) => !/nếu có yêu cầu/i.test(s))
    .join(' ')
    .trim()
  if (moneyFigure.test(rest)) return null
  if (/^\W*Miễn (lệ )?phí/i.test(rest)) return 0
  if (feeSetElsewhere.test(rest)) return null
  return 0
}

function fees(r: ProcedureRecord): Fee[] {
  const several = r.fees.length > 1
  return r.fees.map((fee) => {
    const amount = typeof fee.amount === 'number' ? vnd(fee.amount) : (fee.amount ?? '')
    let text = fee.note ? (fee.note.startsWith('/') ? `${amount}${fee.note}` : `${amount} — ${fee.note}`) : amount
    if (several && fee.channels?.length) text += ` (kênh: ${[...new Set(fee.channels)].join(', ')})`
    return { name: fee.name, amountVnd: amountVnd(fee), text: text || fee.name }
  })
}

function documents(r: ProcedureRecord): { docs: RequiredDocument[]; notes: string[] } {
  const notes: string[] = []
  let both = 0
  let noQuantity = 0
  let noForm = 0
  const docs = r.documents.map((d): RequiredDocument => {
    const group = d.group ?? null
    let form: RequiredDocument['form']
    let quantity: number
    if (d.quantity !== null && typeof d.quantity === 'object') {
      const original = d.quantity['bản chính'] ?? 0
      const copy = d.quantity['bản sao'] ?? 0
      form = copy > original ? 'copy' : 'original'
      quantity = Math.max(original, copy)
      both++
    } else {
      const f = d.form ?? ''
      if (/chứng thực|công chứng/i.test(f)) form = 'certified_copy'
      else if (/^bản sao/i.test(f)) form = 'copy'
      else if (/bản chính/i.test(f)) form = 'original'
      else {
        form = 'original'
        noForm++
      }
      quantity = typeof d.quantity === 'number' ? d.quantity : 0
    }
    if (/xuất trình/i.test(norm(group))) form = 'presented'
    if (!quantity || quantity < 1) {
      quantity = 1
      noQuantity++
    }
    return { name: d.name, form, quantity, group }
  })
  if (both)
    notes.push(
      `${Note.documentsBothPrefix} with counts for both forms (${both} document(s)); motcua keeps one form, the one with the larger count (bản chính on a tie)`,
    )
  if (noQuantity) notes.push(`${Note.documentsQuantityPrefix} for ${noQuantity} document(s); 1 assumed`)
  if (noForm) notes.push(`${Note.documentsFormPrefix} for ${noForm} document(s); bản chính assumed`)
  return { docs, notes }
}

/** "confirmation" when the only non-refusal results are database entries or notices of them. */
function resultKind(result: string | null): ProcedureVersion['resultKind'] {
  if (!result) return 'document'
  const parts = norm(result)
    .split(/;\s*/)
    .map((s) => s.trim())
    .filter((s) => s && !/từ chối|sửa đổi, bổ sung/i.test(s))
  if (parts.length === 0) return 'document'
  const entry =
    /^(cập nhật thông tin|thông báo kết quả giải quyết thủ tục về cư trú)|cơ quan đăng ký kinh doanh.*(cập nhật|chuyển tình trạng)/i
  return parts.every((p) => entry.test(p)) ? 'confirmation' : 'document'
}

/** Land procedures whose result depends on financial obligations (tiền sử dụng đất, thuế, lệ phí trước bạ). */
function landWithFinancialObligations(r: ProcedureRecord): boolean {
  return (
    r.category === 'land' &&
    (/nhận chuyển nhượng/i.test(norm(r.name)) || /^Giao đất, cho thuê đất, chuyển mục đích/i.test(norm(r.name)))
  )
}

/** Certification procedures that Decree 23/2015 does not tie to a place (copies from originals, signatures). */
function anyLocationCertification(r: ProcedureRecord, level: ProcedureVersion['level']): boolean {
  return (
    level === 'commune' &&
    r.category === 'certification' &&
    /^Chứng thực (bản sao từ bản chính|chữ ký trong các giấy tờ)/i.test(norm(r.name))
  )
}

type Coordinating = { name: string; kind: Agency['kind']; id: string }

function coordinatingSteps(r: ProcedureRecord, landAdded: boolean): Coordinating[] {
  if (landAdded) return [{ name: 'Xác định nghĩa vụ tài chính', kind: AgencyKind.CentralBranch, id: 'thue-tinh' }]
  if (!r.interAgency) return []
  const steps: Coordinating[] = []
  const name = norm(r.name)
  if (/thường trú/i.test(name))
    steps.push({ name: 'Đăng ký thường trú', kind: AgencyKind.CentralBranch, id: 'cong-an-tinh' })
  if (/bảo hiểm y tế/i.test(name))
    steps.push({ name: 'Cấp thẻ bảo hiểm y tế', kind: AgencyKind.CentralBranch, id: 'bhxh-tinh' })
  if (/an ninh, trật tự/i.test(name))
    steps.push({
      name: 'Cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự',
      kind: AgencyKind.CentralBranch,
      id: 'cong-an-tinh',
    })
  if (steps.length === 0) throw new Error(`no coordinating agency for inter-agency procedure ${r.name}`)
  return steps
}

/**
 * Internal steps sharing out the limit: reception 4 %, return 4 %, leader 12 %, coordinating agencies
 * 25 % together, the specialist the rest; rounded to 0.5 h (0.05 h under one working day).
 */
export function buildSteps(
  total: number | null,
  level: ProcedureVersion['level'],
  target: Target,
  coordinating: Coordinating[],
  coordinateBeforeApproval: boolean,
): WorkflowStep[] {
  const perHour = total !== null && total < 8 ? 20 : 2
  const units = total === null ? 0 : Math.round(total * perHour)
  const share = (pct: number) => (total === null ? 0 : Math.round(((total * pct) / 100) * perHour))
  const reception = share(4)
  const back = share(4)
  const leader = share(12)
  const coordination = coordinating.map(() => share(25 / coordinating.length))
  const specialistUnits = units - reception - back - leader - coordination.reduce((a, b) => a + b, 0)
  const hours = (u: number) => u / perHour
  // The specialist takes the exact remainder, so the sum equals the limit even off the grid.
  const others = hours(reception) + hours(back) + hours(leader) + coordination.reduce((a, u) => a + hours(u), 0)
  const specialist = total === null ? 0 : units === total * perHour ? hours(specialistUnits) : total - others
  if (specialist < 0) throw new Error(`negative specialist budget for limit ${total}`)

  const front =
    level === 'commune'
      ? { kind: AgencyKind.CommuneServiceCenter, id: null }
      : { kind: AgencyKind.ProvincialServiceCenter, id: 'ttpvhcc-tinh' }
  const agencyKind = target.kind
  const coordinationSteps: WorkflowStep[] = coordinating.map((c, i) => ({
    name: c.name,
    role: 'specialist',
    agencyKind: c.kind,
    agencyId: c.id,
    budgetHours: hours(coordination[i] ?? 0),
  }))
  const steps: WorkflowStep[] = [
    {
      name: 'Tiếp nhận hồ sơ',
      role: 'counter_officer',
      agencyKind: front.kind,
      agencyId: front.id,
      budgetHours: hours(reception),
    },
    { name: 'Thẩm định', role: 'specialist', agencyKind, agencyId: target.id, budgetHours: specialist },
  ]
  if (coordinateBeforeApproval) steps.push(...coordinationSteps)
  steps.push({ name: 'Phê duyệt', role: 'leader', agencyKind, agencyId: target.id, budgetHours: hours(leader) })
  if (!coordinateBeforeApproval) steps.push(...coordinationSteps)
  steps.push({
    name: 'Trả kết quả',
    role: 'clerk',
    agencyKind: front.kind,
    agencyId: front.id,
    budgetHours: hours(back),
  })
  return steps
}

function sourceTitle(r: ProcedureRecord): string {
  const parts = [r.sourceTitle]
  if (r.publishingDecision) parts.push(`quyết định công bố: ${r.publishingDecision}`)
  if (r.sourceSnapshot && !r.sourceSnapshot.startsWith('2026')) parts.push(`thời điểm của nguồn: ${r.sourceSnapshot}`)
  if (r.notes) parts.push(`ghi chú: ${r.notes}`)
  return parts.join('; ')
}

export function buildProcedure(r: ProcedureRecord, localKey: string, fieldIdOf: (name: string) => string): Procedure {
  const illustrative: string[] = []

  const fieldName = r.field ?? assignedField(r)
  if (!r.field) illustrative.push(`${Note.fieldPrefix}; assigned by motcua to '${fieldName}'`)

  const { level, why } = decideLevel(r)
  if (why) illustrative.push(`${Note.levelPrefix} (or names pre-2025 bodies); ${level} chosen by motcua: ${why}`)

  const target = competent(r, level)
  const namedKey = target.id ?? 'commune'
  const pattern = namedBy[namedKey]
  if (level === 'central')
    illustrative.push(
      `${Note.centralPrefix} as ${r.levelsPublished?.join(', ') || 'trung ương'}); received in the province by ${target.id}, mapped by motcua`,
    )
  if (!pattern?.test(norm(r.agency)))
    illustrative.push(`${Note.competentPrefix} (published agency: ${r.agency === null ? 'none' : `'${r.agency}'`})`)

  const fromLaw = r.code === null ? undefined : limitsInTheLaw[r.code]
  const { limit: published, assumed } = fromLaw ? { limit: fromLaw.timeLimit, assumed: false } : parseLimit(r.timeLimit)
  if (assumed) illustrative.push(Note.assumedUnit)
  const online = fromLaw ? { limit: null, assumed: false } : onlineLimit(r, published)
  if (online.assumed) illustrative.push(Note.assumedOnlineUnit)
  const statute = statuteOf(r, published)
  const cut = illustrativeCut(r, statute)
  if (cut) illustrative.push(Note.statutoryCut)
  const limit = cut ?? published

  let cutoffTime: string | null = null
  if (r.category === 'civil_status' && level === 'commune') {
    cutoffTime = '15:00'
    if (!cutoffPublishedCodes.has(r.code ?? '')) illustrative.push(Note.cutoff)
  }

  const ol = onlineLevelOf(r)
  illustrative.push(...ol.notes)
  let fullOnlineEligible = ol.level === 'full'
  if (ol.level === 'partial' && hasOnline(r) && eResultCategories.has(r.category)) {
    fullOnlineEligible = true
    illustrative.push(Note.fullOnlineEligible)
  }

  const docs = documents(r)
  illustrative.push(...docs.notes)

  const resultName = r.result?.trim() ? r.result.trim() : 'Kết quả giải quyết'
  if (resultName === 'Kết quả giải quyết') illustrative.push(Note.resultName)

  const anyLocation = anyLocationCertification(r, level)
  if (anyLocation) illustrative.push(Note.anyLocation)

  const landAdded = !r.interAgency && landWithFinancialObligations(r)
  if (landAdded) illustrative.push(Note.landInterAgency)
  const interAgency = r.interAgency || landAdded

  const steps = buildSteps(
    limitInWorkingHours(limit),
    level,
    target,
    coordinatingSteps(r, landAdded),
    r.category === 'land',
  )
  illustrative.push(Note.steps)

  const version: ProcedureVersion = {
    version: 1,
    effectiveFrom: reformDate,
    effectiveTo: null,
    name: r.name,
    fieldId: fieldIdOf(fieldName),
    level,
    competentAgencyKind: target.kind,
    competentAgencyId: target.id,
    legalBasis: [...new Set(r.legalBasis)],
    timeLimit: limit,
    onlineTimeLimit: online.limit,
    ...(statute ? { statutoryTimeLimit: statute.limit, statutorySource: statute.source } : {}),
    ...(cut ? { reductionIllustrative: true } : {}),
    cutoffTime,
    onlineLevel: ol.level,
    fullOnlineEligible,
    fees: fees(r),
    requiredDocuments: docs.docs,
    resultKind: resultKind(r.result),
    resultName,
    supplementLimitDays: null,
    anyLocation,
    interAgency,
    steps,
    source: {
      url: r.source,
      title: fromLaw ? `${sourceTitle(r)}; ${fromLaw.basis}` : sourceTitle(r),
      illustrative,
    } satisfies SourceRef,
  }
  return { code: r.code ?? localKey, nationalCode: r.code, versions: [version] }
}

export function buildCatalog(units: UnitsFile, records: ProcedureRecord[], former: FormerUnitsFile): Catalog {
  const fields = new Map<string, Field>()
  const fieldIdOf = (name: string): string => {
    const existing = fields.get(name)
    if (existing) return existing.id
    const nameEn = fieldNamesEn[name]
    if (!nameEn) throw new Error(`no English name for field ${name}`)
    const id = slug(name)
    if ([...fields.values()].some((f) => f.id === id)) throw new Error(`field id ${id} not unique`)
    fields.set(name, { id, name, nameEn })
    return id
  }
  let local = 0
  const procedures = records.map((r) =>
    buildProcedure(r, r.code ? '' : `KH.DEMO.${String(++local).padStart(3, '0')}`, fieldIdOf),
  )
  return {
    generatedBy,
    province: { code: units.province.code, name: units.province.name, rootAgencyId: 'ubnd-tinh' },
    agencies: buildAgencies(units, former),
    fields: [...fields.values()],
    procedures,
  }
}

/** Checks beyond the schema and checkCatalog that this demo promises. */
function extraProblems(catalog: Catalog): string[] {
  const problems: string[] = []
  const codes = new Map<string, string>()
  for (const a of catalog.agencies)
    for (const c of a.codes) {
      const other = codes.get(c.code)
      if (other) problems.push(`agency code ${c.code} used by ${other} and ${a.id}`)
      codes.set(c.code, a.id)
    }
  const communes = catalog.agencies.filter((a) => a.kind === AgencyKind.CommuneCommittee)
  if (communes.length !== 65) problems.push(`expected 65 commune committees, found ${communes.length}`)
  for (const a of catalog.agencies)
    if (a.kind !== AgencyKind.FormerUnit && a.codes.length !== 1) problems.push(`agency ${a.id} has no code`)
  return problems
}

/** One item per line inside the top-level arrays: readable diffs, deterministic output. */
export function formatCatalog(catalog: Catalog): string {
  const array = (items: unknown[]) => `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`
  return [
    '{',
    `  "generatedBy": ${JSON.stringify(catalog.generatedBy)},`,
    `  "province": ${JSON.stringify(catalog.province)},`,
    `  "agencies": ${array(catalog.agencies)},`,
    `  "fields": ${array(catalog.fields)},`,
    `  "procedures": ${array(catalog.procedures)}`,
    '}',
    '',
  ].join('\n')
}

function main(): void {
  const dataDir = resolve(process.argv[2] ?? defaultDataDir)
  const outFile = resolve(process.argv[3] ?? defaultOutFile)
  const units = JSON.parse(readFileSync(resolve(dataDir, 'khanh-hoa-units.json'), 'utf8')) as UnitsFile
  const records = JSON.parse(readFileSync(resolve(dataDir, 'procedures.json'), 'utf8')) as ProcedureRecord[]
  const former = JSON.parse(readFileSync(resolve(dataDir, 'former-units.json'), 'utf8')) as FormerUnitsFile
  const catalog = buildCatalog(units, records, former)
  // Validate the JSON round trip, i.e. exactly what is written.
  const text = formatCatalog(catalog)
  const data: unknown = JSON.parse(text)
  if (!Value.Check(Catalog, data)) {
    console.error(JSON.stringify(Value.Errors(Catalog, data).slice(0, 20), null, 2))
    throw new Error('catalog does not match the Catalog schema')
  }
  const problems = [...checkCatalog(data).map((p) => `${p.where}: ${p.problem}`), ...extraProblems(data)]
  if (problems.length > 0) {
    console.error(problems.join('\n'))
    throw new Error(`catalog has ${problems.length} problem(s)`)
  }
  writeFileSync(outFile, text)
  const count = (xs: string[]) => Object.entries(Object.groupBy(xs, (x) => x)).map(([k, v]) => `${k} ${v?.length}`)
  const versions = data.procedures.map((p) => p.versions[0]).filter((v) => v !== undefined)
  console.log(`wrote ${outFile}`)
  console.log(`agencies ${data.agencies.length}: ${count(data.agencies.map((a) => a.kind)).join(', ')}`)
  console.log(`fields ${data.fields.length}`)
  console.log(`procedures ${data.procedures.length}`)
  console.log(`  level: ${count(versions.map((v) => v.level)).join(', ')}`)
  console.log(`  onlineLevel: ${count(versions.map((v) => v.onlineLevel)).join(', ')}`)
  console.log(`  timeLimit unit: ${count(versions.map((v) => v.timeLimit.unit)).join(', ')}`)
}

if (import.meta.main) main()
