let sequence = 0

/**
 * A petition sent on the national portal to Phường Bắc Nha Trang's one-stop unit (QCVN 102 code
 * 333.00.01.H34), in the platform's assumed fields (src/adapters/national-portal/inbound-petition.ts).
 */
export function inboundPetition(overrides: Record<string, unknown> = {}): Record<string, unknown> & {
  MaPAKNQuocGia: string
} {
  sequence++
  return {
    MaPAKNQuocGia: `PAKN-QG.${process.pid}.${Date.now().toString(36)}.${sequence}`,
    MaDonViTiepNhan: '333.00.01.H34',
    PhanLoai: 1,
    TieuDe: 'Cán bộ tiếp nhận yêu cầu giấy tờ ngoài quy định',
    NoiDung: 'Khi nộp hồ sơ đăng ký khai sinh, tôi bị yêu cầu nộp thêm giấy xác nhận cư trú.',
    NguoiPhanAnh: { HoTen: 'Phạm Văn Cường', SoDienThoai: '0912000111', Email: null, DiaChi: null },
    DongYCongKhai: true,
    MaHoSo: null,
    ...overrides,
  } as Record<string, unknown> & { MaPAKNQuocGia: string }
}
