import type { HolidayRule, HolidaySource } from './holiday-rule.ts'

const code2012 = (point: string): HolidaySource => ({
  instrument: 'Bộ luật Lao động 2012 (10/2012/QH13)',
  article: `Điều 115 khoản 1 điểm ${point}`,
  url: null,
  verified:
    'In force 01/05/2013 to 31/12/2020 (replaced by the Labour Code 2019, Art. 220). Art. 115(1): 10 days — Tết Dương lịch, 5 days of Tết Âm lịch, 30/4, 1/5, 2/9 and 10/3 âm lịch; compensation on the next day in Art. 115(3). Years before 2013 are not modelled.',
})

const code2019 = (point: string): HolidaySource => ({
  instrument: 'Bộ luật Lao động 2019 (45/2019/QH14)',
  article: `Điều 112 khoản 1 điểm ${point}`,
  url: null,
  verified:
    'In force from 01/01/2021 (Art. 220). Art. 112(1): 11 days; Quốc khánh is 2/9 and one day before or after (motcua: 3/9 unless a year decision says otherwise, rules.md §4); Tết Âm lịch 5 days (motcua: the last day of the old year and the first four). Compensatory day: Art. 111(3).',
})

/**
 * The statutory holidays as shipped (migration 0021 seeds the same rows into `holiday_rules`):
 * Labour Code 2012 Art. 115(1) until 2020, Labour Code 2019 Art. 112(1) from 2021 and Vietnam
 * Culture Day from 1 July 2026. The administrator extends the table; these are the starting point.
 */
export const statutoryHolidayRules: readonly HolidayRule[] = [
  ...(
    [
      ['tet-duong-lich', { kind: 'solar', month: 1, day: 1 }, 'Tết Dương lịch', 'a'],
      ['tet-nguyen-dan', { kind: 'tet_span', daysBefore: 1, length: 5 }, 'Tết Nguyên đán', 'b'],
      ['chien-thang', { kind: 'solar', month: 4, day: 30 }, 'Ngày Chiến thắng (30/4)', 'c'],
      ['quoc-te-lao-dong', { kind: 'solar', month: 5, day: 1 }, 'Ngày Quốc tế Lao động (1/5)', 'd'],
      ['quoc-khanh', { kind: 'solar', month: 9, day: 2 }, 'Quốc khánh (2/9)', 'đ'],
      ['gio-to-hung-vuong', { kind: 'lunar', month: 3, day: 10 }, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'e'],
    ] as const
  ).map(
    ([id, day, reason, point]): HolidayRule => ({
      id: `blld-2012-${id}`,
      day,
      effectiveFrom: '2013-05-01',
      effectiveTo: '2020-12-31',
      enabled: true,
      compensated: true,
      reason,
      source: code2012(point),
    }),
  ),
  ...(
    [
      ['tet-duong-lich', { kind: 'solar', month: 1, day: 1 }, 'Tết Dương lịch', 'a'],
      ['tet-nguyen-dan', { kind: 'tet_span', daysBefore: 1, length: 5 }, 'Tết Nguyên đán', 'b'],
      ['chien-thang', { kind: 'solar', month: 4, day: 30 }, 'Ngày Chiến thắng (30/4)', 'c'],
      ['quoc-te-lao-dong', { kind: 'solar', month: 5, day: 1 }, 'Ngày Quốc tế Lao động (1/5)', 'd'],
      ['quoc-khanh', { kind: 'solar', month: 9, day: 2 }, 'Quốc khánh (2/9)', 'đ'],
      ['quoc-khanh-lien-ke', { kind: 'solar', month: 9, day: 3 }, 'Quốc khánh (ngày liền kề sau 2/9)', 'đ'],
      ['gio-to-hung-vuong', { kind: 'lunar', month: 3, day: 10 }, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'e'],
    ] as const
  ).map(
    ([id, day, reason, point]): HolidayRule => ({
      id: `blld-2019-${id}`,
      day,
      effectiveFrom: '2021-01-01',
      effectiveTo: null,
      enabled: true,
      compensated: true,
      reason,
      source: code2019(point),
    }),
  ),
  {
    id: 'ngay-van-hoa-viet-nam',
    day: { kind: 'solar', month: 11, day: 24 },
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    enabled: true,
    compensated: true,
    reason: 'Ngày Văn hóa Việt Nam (24/11)',
    source: {
      instrument: 'Nghị quyết 28/2026/QH16 của Quốc hội về phát triển văn hóa Việt Nam',
      article:
        'Quy định Ngày Văn hóa Việt Nam 24/11 là ngày nghỉ hưởng nguyên lương (số điều chưa đối chiếu với bản gốc)',
      url: 'https://xaydungchinhsach.chinhphu.vn/toan-van-nghi-quyet-so-28-2026-qh16-ve-phat-trien-van-hoa-viet-nam-119260508142130402.htm',
      verified:
        'Checked 2026-12-03 in public reports only, the original text was not read: several independent sources give the number 28/2026/QH16 and effect from 01/07/2026 (citing quochoi.vn and the full text on xaydungchinhsach.chinhphu.vn). Background: Politburo Resolution 80-NQ/TW (07/01/2026) chose 24/11 as a paid day off; Government Resolution 30/NQ-CP (02/2026) tasked amending Labour Code Art. 112(1). Compensated like the Art. 112(1) days (Art. 111(3)) since no source read says otherwise.',
    },
  },
]
