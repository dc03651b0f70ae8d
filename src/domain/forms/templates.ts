import type { FormNumber, TableColumn } from './form-document.ts'

/**
 * The wording of the forms (Circular 01/2018/TT-VPCP, forms 01–07) as data. Patterns use `{name}`
 * placeholders filled by `fill`; builders pick labels by key and never spell Vietnamese themselves.
 */
export const common = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  formLabel: 'Mẫu số {n}',
  number: 'Số: {number}',
  placeDate: '{place}, {date}',
  /** "hh giờ mm phút, ngày dd tháng mm năm yyyy", Vietnam time. */
  time: '{hh} giờ {mm} phút, ngày {dd} tháng {MM} năm {yyyy}',
  date: 'ngày {dd} tháng {MM} năm {yyyy}',
  shortTime: '{hh}:{mm} {dd}/{MM}/{yyyy}',
  shortDate: '{dd}/{MM}/{yyyy}',
  noAppointment: 'Không có ngày hẹn trả cụ thể theo quy định',
  blank: '…………………',
  none: 'Không',
  signNote: '(Ký, ghi rõ họ tên)',
  signSealNote: '(Ký, ghi rõ họ tên, đóng dấu)',
  trackingUrl: '{baseUrl}/tra-cuu?ma={code}',
  fileName: 'mau-{n}-{code}.pdf',
  documentForms: {
    original: 'Bản chính',
    certified_copy: 'Bản sao có chứng thực',
    copy: 'Bản sao',
    presented: 'Bản chính (xuất trình)',
  } as Record<string, string>,
  fee: '{name}: {text}',
  timeliness: { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn', open: 'Đang giải quyết' },
}

export type FormTemplate = {
  readonly title: string
  readonly subtitle?: string
  readonly orientation: 'portrait' | 'landscape'
  /** Labels and sentence patterns, by key. */
  readonly labels: Readonly<Record<string, string>>
  readonly columns?: readonly TableColumn[]
  readonly signatures: readonly { readonly title: string; readonly note: string }[]
}

export const templates: Record<FormNumber, FormTemplate> = {
  '01': {
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    orientation: 'portrait',
    labels: {
      code: 'Mã hồ sơ',
      intro: '{agency} tiếp nhận hồ sơ của:',
      applicant: 'Ông/Bà',
      address: 'Địa chỉ',
      phone: 'Số điện thoại',
      email: 'Thư điện tử',
      content: 'Nội dung yêu cầu giải quyết',
      keyFacts: 'Thông tin chính trong tờ khai:',
      components: '1. Thành phần hồ sơ nộp gồm:',
      sets: '2. Số lượng hồ sơ',
      setsValue: '{n} (bộ)',
      receivedAt: '3. Thời gian nhận hồ sơ',
      appointmentAt: '4. Thời gian trả kết quả giải quyết hồ sơ',
      collectAt: '5. Đăng ký nhận kết quả tại',
      fees: '6. Phí, lệ phí',
      book: 'Vào Sổ theo dõi hồ sơ, Quyển số: {volume}, Số thứ tự: {serial}',
      codesCaption: 'Tra cứu tình trạng hồ sơ tại {url}',
    },
    columns: [
      { title: 'STT', width: 0.08, align: 'center' },
      { title: 'Tên giấy tờ', width: 0.56 },
      { title: 'Hình thức (bản chính, bản sao, bản chụp…)', width: 0.24, align: 'center' },
      { title: 'Số lượng', width: 0.12, align: 'center' },
    ],
    signatures: [
      { title: 'NGƯỜI NỘP HỒ SƠ', note: common.signNote },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: common.signNote },
    ],
  },
  '02': {
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    orientation: 'portrait',
    labels: {
      number: '{code}/YCBS-{n}',
      applicant: 'Hồ sơ của',
      code: 'Mã hồ sơ',
      content: 'Nội dung yêu cầu giải quyết',
      receivedAt: 'Ngày tiếp nhận',
      intro: 'Yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      exception: 'Yêu cầu bổ sung lần thứ {n}, được {approver} chấp thuận theo {legalBasis}',
      closing:
        'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ {officer} - {agency} để được hướng dẫn.',
      officer: 'Người hướng dẫn',
      agency: 'Đơn vị',
    },
    columns: [
      { title: 'STT', width: 0.08, align: 'center' },
      { title: 'Nội dung cần bổ sung', width: 0.52 },
      { title: 'Lý do', width: 0.4 },
    ],
    signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', note: common.signNote }],
  },
  '03': {
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    orientation: 'portrait',
    labels: {
      intro: '{agency} tiếp nhận hồ sơ của:',
      applicant: 'Ông/Bà',
      address: 'Địa chỉ',
      phone: 'Số điện thoại',
      content: 'Nội dung yêu cầu giải quyết',
      decision: 'Căn cứ quy định hiện hành, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ này.',
      legalBasis: 'Căn cứ pháp lý',
      reason: 'Lý do',
      sorry: 'Xin thông báo để Ông/Bà được biết và thực hiện./.',
    },
    signatures: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: common.signNote }],
  },
  '04': {
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    orientation: 'portrait',
    labels: {
      to: 'Kính gửi',
      code: 'Mã hồ sơ',
      content: 'Nội dung yêu cầu giải quyết',
      receivedAt: 'Ngày tiếp nhận',
      originalAt: 'Ngày hẹn trả kết quả trước đây',
      reason: 'Lý do chậm trả kết quả',
      apology: '{agency} xin lỗi Ông/Bà vì sự chậm trễ này và hẹn lại thời gian trả kết quả.',
      newAt: 'Thời gian hẹn trả kết quả mới',
      thanks: 'Mong nhận được sự thông cảm của Ông/Bà./.',
    },
    signatures: [{ title: 'THỦ TRƯỞNG CƠ QUAN', note: common.signSealNote }],
  },
  '05': {
    title: 'THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ',
    orientation: 'portrait',
    labels: {
      to: 'Kính gửi',
      code: 'Mã hồ sơ',
      content: 'Nội dung yêu cầu giải quyết',
      receivedAt: 'Ngày tiếp nhận',
      stoppedAt: 'Thời điểm dừng xử lý',
      reason: 'Lý do',
      legalBasis: 'Căn cứ pháp lý',
      closing: '{agency} thông báo dừng xử lý hồ sơ nêu trên./.',
    },
    signatures: [{ title: 'THỦ TRƯỞNG CƠ QUAN', note: common.signSealNote }],
  },
  '06': {
    title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    orientation: 'portrait',
    labels: {
      code: 'Mã hồ sơ',
      applicant: 'Hồ sơ của',
      content: 'Nội dung yêu cầu giải quyết',
      receivedAt: 'Thời gian nhận hồ sơ',
      appointmentAt: 'Thời gian trả kết quả',
      agencyCell: '{agency}\n({step})',
      handover: 'Giao: {handedAt}\nNgười giao: {handedBy}\nNhận, xử lý xong: {finishedAt}\nNgười nhận: {receivedBy}',
      note: 'Hạn: {dueAt}',
    },
    columns: [
      { title: 'Tên cơ quan', width: 0.26 },
      { title: 'Thời gian giao, nhận hồ sơ', width: 0.4 },
      { title: 'Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)', width: 0.16, align: 'center' },
      { title: 'Ghi chú', width: 0.18 },
    ],
    signatures: [],
  },
  '07': {
    title: 'SỔ THEO DÕI HỒ SƠ',
    subtitle: 'Từ {from} đến {to}',
    orientation: 'landscape',
    labels: { number: '{from} - {to}' },
    columns: [
      { title: 'STT', width: 0.03, align: 'center' },
      { title: 'Mã hồ sơ', width: 0.17 },
      { title: 'Tên thủ tục hành chính', width: 0.11 },
      { title: 'Số lượng hồ sơ (bộ)', width: 0.045, align: 'center' },
      { title: 'Tên cá nhân, tổ chức', width: 0.09 },
      { title: 'Địa chỉ, số điện thoại', width: 0.08 },
      { title: 'Cơ quan chủ trì giải quyết', width: 0.08 },
      { title: 'Nhận hồ sơ', width: 0.06, align: 'center' },
      { title: 'Hẹn trả kết quả', width: 0.06, align: 'center' },
      { title: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 0.06, align: 'center' },
      { title: 'Nhận kết quả từ cơ quan giải quyết', width: 0.06, align: 'center' },
      { title: 'Trả kết quả (ngày, ký nhận)', width: 0.065, align: 'center' },
      { title: 'Ghi chú', width: 0.09 },
    ],
    signatures: [],
  },
}

/** A procedure's changes to a template: a different title, some labels, columns or signatures. */
export type TemplateOverride = Partial<Omit<FormTemplate, 'labels'>> & {
  readonly labels?: Readonly<Record<string, string>>
}

/** Per-procedure overrides, by procedure code then form number (empty: every procedure uses the national forms). */
export const procedureOverrides: Record<string, Partial<Record<FormNumber, TemplateOverride>>> = {}

/** The template of `form` for a procedure, with that procedure's override applied. */
export function templateFor(
  form: FormNumber,
  procedureCode: string | null,
  overrides: Record<string, Partial<Record<FormNumber, TemplateOverride>>> = procedureOverrides,
): FormTemplate {
  const base = templates[form]
  const override = procedureCode === null ? undefined : overrides[procedureCode]?.[form]
  if (!override) return base
  return { ...base, ...override, labels: { ...base.labels, ...(override.labels ?? {}) } }
}

/** Fills `{name}` placeholders; an unknown name is left as written, so a typo shows on the proof. */
export function fill(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
