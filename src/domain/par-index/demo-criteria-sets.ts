import type { CriteriaSet, Criterion, Leaf, Level, Text } from './criteria-set.ts'

/**
 * The demo province's 2026 criteria sets. Their areas follow the provincial PAR index of the Ministry
 * of Home Affairs' Quyết định 876/QĐ-BNV (10/11/2022) — direction, institutions, procedures,
 * organisation, civil service, public finance, digital government, and the sociological survey
 * (điều tra xã hội học) weighed against the appraised self-assessment — as provinces adapt it for
 * their departments and communes (e.g. Quảng Trị's Quyết định 3009/QĐ-UBND of 01/11/2017, three
 * sets: departments, districts, communes). ILLUSTRATIVE: the criteria, levels and points are the
 * demo's own, not a province's decision; a province enters its own set as data.
 */
const source =
  'Cấu trúc theo Quyết định 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ (Chỉ số CCHC cấp tỉnh), điều chỉnh cho cấp sở/cấp xã như các tỉnh ban hành; tiêu chí và điểm là minh họa / Structure after MoHA Decision 876/QĐ-BNV; criteria and points are illustrative'

const t = (vi: string, en: string): Text => ({ vi, en })

/** Hoàn thành / hoàn thành một phần / không hoàn thành, scaled to `max`. */
const completion = (max: number): readonly Level[] => [
  { code: 'full', label: t('Hoàn thành đầy đủ, đúng hạn', 'Done in full and on time'), points: max },
  { code: 'partial', label: t('Hoàn thành nhưng chậm hoặc chưa đầy đủ', 'Done late or in part'), points: max / 2 },
  { code: 'none', label: t('Không hoàn thành', 'Not done'), points: 0 },
]

/** Tỷ lệ hoàn thành kế hoạch: 100% → max, ≥ 80% → ¾, ≥ 50% → ½, below → 0. */
const planShare = (max: number): readonly Level[] => [
  { code: '100', label: t('Hoàn thành 100% nhiệm vụ', 'Every task done'), points: max },
  { code: '80', label: t('Từ 80% đến dưới 100%', '80% to under 100%'), points: (max * 3) / 4 },
  { code: '50', label: t('Từ 50% đến dưới 80%', '50% to under 80%'), points: max / 2 },
  { code: '0', label: t('Dưới 50%', 'Under 50%'), points: 0 },
]

const assessed = (code: string, name: Text, max: number, levels = completion(max)): Criterion => ({
  code,
  name,
  maxPoints: max,
  method: { kind: 'self_assessed', levels },
})

/** Area 3's computed criteria, shared by both sets (figures from motcua's own dossiers). */
const procedureFigures = (prefix: string): Leaf[] => [
  {
    code: `${prefix}.a`,
    name: t('Tỷ lệ hồ sơ giải quyết đúng hạn', 'Share of dossiers resolved on time'),
    maxPoints: 6,
    method: {
      kind: 'computed',
      figure: 'on-time-share',
      rule: 'bands',
      bands: [
        { from: 0.98, points: 6 },
        { from: 0.95, points: 4 },
        { from: 0.9, points: 2 },
      ],
    },
  },
  {
    code: `${prefix}.b`,
    name: t('Tỷ lệ hồ sơ trực tuyến', 'Share of dossiers received online'),
    maxPoints: 4,
    method: { kind: 'computed', figure: 'online-share', rule: 'proportional' },
  },
  {
    code: `${prefix}.c`,
    name: t('Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)', 'Decision 766 service index'),
    maxPoints: 4,
    method: { kind: 'computed', figure: 'index-766', rule: 'proportional' },
  },
]

const survey = {
  code: 'XHH',
  name: t('Điều tra xã hội học', 'Sociological survey'),
  criteria: [
    {
      code: 'XHH.1',
      name: t('Chỉ số hài lòng của người dân, tổ chức (SIPAS)', 'Satisfaction index (SIPAS)'),
      maxPoints: 30,
      method: { kind: 'computed', figure: 'satisfaction', rule: 'proportional' },
    },
  ],
} as const

/** Bộ chỉ số CCHC của các sở, ban, ngành năm 2026 (illustrative, see above). */
export const departmentSet2026: CriteriaSet = {
  year: 2026,
  unitKind: 'department',
  maxPoints: 100,
  source,
  areas: [
    {
      code: '1',
      name: t('Công tác chỉ đạo, điều hành cải cách hành chính', 'Direction of the reform'),
      criteria: [
        assessed('1.1', t('Ban hành kế hoạch CCHC năm', 'The year’s reform plan issued'), 3),
        assessed('1.2', t('Mức độ hoàn thành kế hoạch CCHC', 'Completion of the reform plan'), 4, planShare(4)),
        assessed('1.3', t('Tuyên truyền cải cách hành chính', 'Communication of the reform'), 3),
        {
          code: '1.4',
          name: t('Sáng kiến, giải pháp mới được công nhận (điểm thưởng)', 'Recognised initiatives (bonus)'),
          maxPoints: 2,
          method: { kind: 'bonus' },
        },
      ],
    },
    {
      code: '2',
      name: t('Cải cách thể chế', 'Institutions'),
      criteria: [
        assessed('2.1', t('Xây dựng, ban hành văn bản QPPL thuộc lĩnh vực quản lý', 'Legal documents prepared'), 5),
        assessed('2.2', t('Rà soát, hệ thống hóa văn bản QPPL', 'Review of legal documents'), 4),
      ],
    },
    {
      code: '3',
      name: t('Cải cách thủ tục hành chính', 'Administrative procedures'),
      criteria: [
        assessed('3.1', t('Công bố, công khai thủ tục hành chính', 'Procedures published'), 4),
        {
          code: '3.2',
          name: t('Kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết TTHC', 'Dossier figures from motcua'),
          subCriteria: procedureFigures('3.2'),
        },
        {
          code: '3.3',
          name: t(
            'Phản ánh, kiến nghị xử lý quá hạn (điểm trừ 0,5 mỗi trường hợp)',
            'Petitions answered late (penalty)',
          ),
          maxPoints: 2,
          method: { kind: 'penalty' },
        },
      ],
    },
    {
      code: '4',
      name: t('Cải cách tổ chức bộ máy hành chính', 'Organisation'),
      criteria: [
        assessed('4.1', t('Sắp xếp tổ chức bộ máy theo quy định', 'Organisation arranged as required'), 4),
        assessed('4.2', t('Thực hiện phân cấp, ủy quyền', 'Decentralisation carried out'), 4),
      ],
    },
    {
      code: '5',
      name: t('Cải cách chế độ công vụ', 'Civil service'),
      criteria: [
        assessed('5.1', t('Quản lý vị trí việc làm, biên chế', 'Job positions and staffing'), 4),
        {
          code: '5.2',
          name: t('Công chức được đào tạo, bồi dưỡng (0,5 điểm mỗi khóa)', 'Training courses held (0.5 each)'),
          maxPoints: 2,
          method: { kind: 'counted', pointsPerItem: 0.5 },
        },
        {
          code: '5.3',
          name: t('Cán bộ, công chức bị kỷ luật (điểm trừ)', 'Officials disciplined (penalty)'),
          maxPoints: 2,
          method: { kind: 'penalty' },
        },
      ],
    },
    {
      code: '6',
      name: t('Cải cách tài chính công', 'Public finance'),
      criteria: [
        assessed('6.1', t('Thực hiện quy chế chi tiêu nội bộ', 'Internal spending rules applied'), 4),
        assessed('6.2', t('Giải ngân vốn đầu tư công', 'Public investment disbursed'), 4, planShare(4)),
      ],
    },
    {
      code: '7',
      name: t('Xây dựng và phát triển chính quyền điện tử, chính quyền số', 'Digital government'),
      criteria: [
        assessed('7.1', t('Văn bản điện tử có ký số', 'Signed electronic documents'), 6, planShare(6)),
        {
          code: '7.2',
          name: t('Cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ (1 điểm mỗi CSDL)', 'Databases shared (1 each)'),
          maxPoints: 3,
          method: { kind: 'counted', pointsPerItem: 1 },
        },
      ],
    },
    survey,
  ],
}

/** Bộ chỉ số CCHC của UBND cấp xã năm 2026 (illustrative, see above). */
export const communeSet2026: CriteriaSet = {
  year: 2026,
  unitKind: 'commune',
  maxPoints: 100,
  source,
  areas: [
    {
      code: '1',
      name: t('Công tác chỉ đạo, điều hành cải cách hành chính', 'Direction of the reform'),
      criteria: [
        assessed('1.1', t('Ban hành kế hoạch CCHC năm', 'The year’s reform plan issued'), 4),
        assessed('1.2', t('Mức độ hoàn thành kế hoạch CCHC', 'Completion of the reform plan'), 6, planShare(6)),
        {
          code: '1.3',
          name: t('Sáng kiến, mô hình mới được công nhận (điểm thưởng)', 'Recognised initiatives (bonus)'),
          maxPoints: 2,
          method: { kind: 'bonus' },
        },
      ],
    },
    {
      code: '2',
      name: t('Tổ chức thực hiện văn bản của cấp trên', 'Carrying out higher decisions'),
      criteria: [assessed('2.1', t('Thực hiện văn bản chỉ đạo của tỉnh', 'Provincial instructions carried out'), 8)],
    },
    {
      code: '3',
      name: t('Cải cách thủ tục hành chính', 'Administrative procedures'),
      criteria: [
        assessed('3.1', t('Niêm yết, công khai TTHC tại Bộ phận Một cửa', 'Procedures posted at the one-stop unit'), 6),
        {
          code: '3.2',
          name: t('Kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết TTHC', 'Dossier figures from motcua'),
          subCriteria: procedureFigures('3.2'),
        },
        {
          code: '3.3',
          name: t('Hồ sơ trễ hạn không xin lỗi (điểm trừ 0,5 mỗi hồ sơ)', 'Late dossiers without apology (penalty)'),
          maxPoints: 3,
          method: { kind: 'penalty' },
        },
      ],
    },
    {
      code: '4',
      name: t('Cải cách tổ chức bộ máy và chế độ công vụ', 'Organisation and civil service'),
      criteria: [
        assessed('4.1', t('Bố trí công chức theo vị trí việc làm', 'Officials placed by job position'), 6),
        {
          code: '4.2',
          name: t('Công chức được bồi dưỡng (0,5 điểm mỗi lượt)', 'Officials trained (0.5 each)'),
          maxPoints: 3,
          method: { kind: 'counted', pointsPerItem: 0.5 },
        },
      ],
    },
    {
      code: '5',
      name: t('Cải cách tài chính công', 'Public finance'),
      criteria: [assessed('5.1', t('Công khai ngân sách xã', 'Commune budget published'), 7)],
    },
    {
      code: '6',
      name: t('Chính quyền số', 'Digital government'),
      criteria: [
        assessed('6.1', t('Văn bản điện tử có ký số', 'Signed electronic documents'), 6, planShare(6)),
        assessed('6.2', t('Số hóa hồ sơ, kết quả giải quyết TTHC', 'Dossiers and results digitised'), 6, planShare(6)),
        {
          code: '6.3',
          name: t('Mô hình số cộng đồng (1 điểm mỗi mô hình)', 'Community digital teams (1 each)'),
          maxPoints: 2,
          method: { kind: 'counted', pointsPerItem: 1 },
        },
      ],
    },
    survey,
  ],
}

export const demoCriteriaSets: readonly CriteriaSet[] = [departmentSet2026, communeSet2026]
