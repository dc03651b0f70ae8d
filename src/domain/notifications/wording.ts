/**
 * The wording of the applicant's e-mail and SMS notices (rules.md §8), as data: patterns with `{name}`
 * placeholders filled by `fill`. SMS patterns are written without diacritics already (and are
 * stripped again after filling), because unaccented SMS is what Vietnamese brandname gateways carry
 * in one 160-character part.
 */
export const common = {
  greeting: 'Kính gửi Ông/Bà {name},',
  /** "hh giờ mm, ngày dd/mm/yyyy", Vietnam time. */
  time: '{hh} giờ {mm}, ngày {dd}/{MM}/{yyyy}',
  smsTime: '{hh}h{mm} {dd}/{MM}/{yyyy}',
  noAppointment: 'Không có ngày hẹn trả cụ thể theo quy định',
  smsNoAppointment: 'khong co ngay hen cu the',
  /** A dossier without a code yet (not received): named by its submission time. */
  submittedRef: 'nộp lúc {time}',
  trackingUrl: '{baseUrl}/tra-cuu?ma={code}',
  trackingPage: '{baseUrl}/tra-cuu',
  dossierUrl: '{baseUrl}/ho-so-cua-toi/{id}',
  trackAt: 'Tra cứu tình trạng hồ sơ: {url}',
  item: '- {item}',
  vnd: '{amount} đồng',
  footer: 'Đây là thư tự động của Hệ thống thông tin giải quyết thủ tục hành chính; vui lòng không trả lời thư này.',
  footerEn: 'Automated notice about your application {ref} to a Vietnamese one-stop office; details: {url}',
}

/** One notice: its subject, the e-mail's body lines and the SMS. `shrink` names the SMS value cut first. */
export type NoticeWording = {
  readonly subject: string
  readonly lines: readonly string[]
  readonly sms: string
  readonly shrink: string
}

export const wording = {
  reception: {
    subject: 'Hồ sơ {code} đã được tiếp nhận',
    lines: [
      'Hồ sơ "{procedure}" của Ông/Bà đã được tiếp nhận với mã hồ sơ {code}.',
      'Thời gian tiếp nhận: {receivedAt}.',
      'Thời gian hẹn trả kết quả: {appointment}.',
      'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01) được gửi kèm thư này.',
    ],
    sms: 'Ho so {code} ({procedure}) da duoc tiep nhan. Hen tra ket qua: {appointment}. Tra cuu tai {url}',
    shrink: 'procedure',
  },
  supplementRequest: {
    subject: 'Yêu cầu bổ sung, hoàn thiện hồ sơ {ref}',
    lines: [
      'Hồ sơ "{procedure}" ({ref}) của Ông/Bà cần được bổ sung, hoàn thiện các thành phần sau:',
      '{items}',
      'Lý do: {reason}.',
      'Thời gian giải quyết tạm dừng cho đến khi Ông/Bà nộp đủ hồ sơ bổ sung.',
    ],
    sms: 'Ho so {ref} can bo sung: {items}. Chi tiet: {url}',
    shrink: 'items',
  },
  rejection: {
    subject: 'Hồ sơ "{procedure}" không được tiếp nhận',
    lines: [
      'Hồ sơ "{procedure}" Ông/Bà nộp lúc {submittedAt} không được tiếp nhận.',
      'Lý do: {reason}.',
      'Căn cứ: {legalBasis}.',
      'Xin thông báo để Ông/Bà được biết.',
    ],
    sms: 'Ho so {procedure} khong duoc tiep nhan. Ly do: {reason}. Chi tiet: {url}',
    shrink: 'reason',
  },
  stopped: {
    subject: 'Thông báo dừng xử lý hồ sơ {ref}',
    lines: ['Hồ sơ "{procedure}" ({ref}) của Ông/Bà đã dừng xử lý.', 'Lý do: {reason}.', 'Căn cứ: {legalBasis}.'],
    sms: 'Ho so {ref} da dung xu ly. Ly do: {reason}. Chi tiet: {url}',
    shrink: 'reason',
  },
  withdrawn: {
    subject: 'Hồ sơ {ref} đã được rút theo yêu cầu',
    lines: ['Hồ sơ "{procedure}" ({ref}) đã được rút theo yêu cầu của Ông/Bà.', 'Lý do: {reason}.'],
    sms: 'Ho so {ref} da duoc rut theo yeu cau. Chi tiet: {url}',
    shrink: 'reason',
  },
  withdrawalRefused: {
    subject: 'Đề nghị dừng giải quyết hồ sơ {ref} không được chấp thuận',
    lines: [
      'Cơ quan giải quyết không chấp thuận đề nghị dừng giải quyết hồ sơ "{procedure}" ({ref}) của Ông/Bà; hồ sơ tiếp tục được giải quyết.',
      'Lý do: {reason}.',
    ],
    sms: 'De nghi dung ho so {ref} khong duoc chap thuan. Chi tiet: {url}',
    shrink: 'reason',
  },
  apology: {
    subject: 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {ref}',
    lines: [
      'Hồ sơ "{procedure}" ({ref}) của Ông/Bà hẹn trả kết quả vào {originalAt}.',
      'Do {reason}, cơ quan giải quyết chưa trả kết quả đúng hẹn. Chúng tôi thành thật xin lỗi Ông/Bà vì sự chậm trễ này.',
      'Thời gian hẹn trả kết quả mới: {newAt}.',
      'Thư xin lỗi (Mẫu số 04) có tại trang hồ sơ của Ông/Bà.',
    ],
    sms: 'Xin loi Ong/Ba: ho so {ref} tra ket qua cham. Hen lai: {newAt}. Ly do: {reason}. Chi tiet: {url}',
    shrink: 'reason',
  },
  appointmentMoved: {
    subject: 'Điều chỉnh ngày hẹn trả kết quả hồ sơ {ref} theo lịch nghỉ lễ',
    lines: [
      'Lịch ngày nghỉ lễ, tết đã thay đổi ({reason}); thời hạn giải quyết hồ sơ "{procedure}" ({ref}) của Ông/Bà được tính lại theo ngày làm việc.',
      'Thời gian hẹn trả kết quả mới: {newAt}.',
    ],
    sms: 'Ho so {ref}: ngay hen tra ket qua doi thanh {newAt} do thay doi lich nghi le. Chi tiet: {url}',
    shrink: 'reason',
  },
  paymentRequest: {
    subject: 'Yêu cầu thực hiện nghĩa vụ tài chính cho hồ sơ {ref}',
    lines: [
      'Để tiếp tục giải quyết hồ sơ "{procedure}" ({ref}), Ông/Bà cần nộp {amount}.',
      'Nội dung: {reason}.',
      'Ông/Bà có thể thanh toán trực tuyến tại trang hồ sơ hoặc tại Bộ phận Một cửa.',
    ],
    sms: 'Ho so {ref}: de nghi Ong/Ba nop {amount} ({reason}). Thanh toan: {url}',
    shrink: 'reason',
  },
  resultReady: {
    subject: 'Kết quả giải quyết hồ sơ {ref} đã sẵn sàng',
    lines: [
      'Hồ sơ "{procedure}" ({ref}) của Ông/Bà đã có kết quả (số {resultNumber}).',
      'Ông/Bà nhận kết quả tại Bộ phận Một cửa nơi nộp hồ sơ, hoặc tải bản điện tử tại trang hồ sơ.',
    ],
    sms: 'Ho so {ref} da co ket qua (so {resultNumber}). Moi Ong/Ba nhan ket qua. Chi tiet: {url}',
    shrink: 'resultNumber',
  },
  resultReturned: {
    subject: 'Hồ sơ {ref} đã trả kết quả – mời Ông/Bà đánh giá',
    lines: [
      'Kết quả hồ sơ "{procedure}" ({ref}) đã được trả cho Ông/Bà lúc {returnedAt} ({method}).',
      'Mời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ tại: {ratingUrl}',
      'Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.',
    ],
    sms: 'Ho so {ref} da tra ket qua. Moi Ong/Ba danh gia muc do hai long tai {ratingUrl}',
    shrink: 'ref',
  },
} satisfies Record<string, NoticeWording>

/** How the result was handed over, as the returned notice says it. */
export const returnMethods: Readonly<Record<string, string>> = {
  counter: 'tại Bộ phận Một cửa',
  post: 'qua dịch vụ bưu chính công ích',
  online: 'trực tuyến',
}
