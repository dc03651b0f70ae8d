import { type DayNumber, dateOfDay, dayFromDate } from './local-time.ts'

/**
 * Âm lịch Việt Nam: the Vietnamese lunisolar calendar, computed astronomically for a given meridian
 * (UTC+7 for Vietnam; the Chinese calendar uses UTC+8 and differs in some years, e.g. Tết 1985 and
 * 2007). Method of Hồ Ngọc Đức ("Thuật toán tính âm lịch"), after Jean Meeus, Astronomical
 * Algorithms: a month starts on the local day of the new moon; month 11 holds the winter solstice;
 * in a 13-month year the first month without a major solar term is the leap month.
 */
export type LunarDate = {
  readonly day: number
  readonly month: number
  readonly year: number
  /** Tháng nhuận */
  readonly leap: boolean
}

export const vietnamTimeZone = 7

/** Julian day number of a day number (days since 1970-01-01). */
const julianDay = (day: DayNumber) => day + 2_440_588

/** Julian date of the k-th new moon after 1900-01-01 (Meeus, ch. 49, truncated series). */
function newMoon(k: number): number {
  const T = k / 1236.85
  const T2 = T * T
  const T3 = T2 * T
  const dr = Math.PI / 180
  let jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M)
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr)
  c1 -= 0.0004 * Math.sin(dr * 3 * Mpr)
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr))
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M))
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr))
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M))
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2
  return jd1 + c1 - deltaT
}

/** Sun's apparent longitude in radians, [0, 2π), at Julian date `jdn` (Meeus, ch. 25, low precision). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2_451_545.0) / 36_525
  const T2 = T * T
  const dr = Math.PI / 180
  const M = 357.5291 + 35_999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2
  const L0 = 280.46645 + 36_000.76983 * T + 0.0003032 * T2
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M)
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M)
  const L = (L0 + DL) * dr
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2))
}

/** Solar term sector (0–11, 30° each) at local midnight of Julian day `jd`. */
const sunSector = (jd: number, tz: number) => Math.floor((sunLongitude(jd - 0.5 - tz / 24) / Math.PI) * 6)

/** Julian day of the local day on which the k-th new moon falls. */
const newMoonDay = (k: number, tz: number) => Math.floor(newMoon(k) + 0.5 + tz / 24)

/** Start (Julian day) of lunar month 11 of solar year `year`: the month holding the winter solstice. */
function month11(year: number, tz: number): number {
  const off = julianDay(dayFromDate(year, 12, 31)) - 2_415_021
  const k = Math.floor(off / 29.530588853)
  const nm = newMoonDay(k, tz)
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm
}

/** Offset from month 11 of the leap month in a 13-month year: the first month without a major term. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - 2_415_021.076998695) / 29.530588853 + 0.5)
  let i = 1
  let arc = sunSector(newMoonDay(k + i, tz), tz)
  let last: number
  do {
    last = arc
    i++
    arc = sunSector(newMoonDay(k + i, tz), tz)
  } while (arc !== last && i < 14)
  return i - 1
}

/** Solar day → lunar date. */
export function solarToLunar(day: DayNumber, tz = vietnamTimeZone): LunarDate {
  const jd = julianDay(day)
  const { year } = dateOfDay(day)
  const k = Math.floor((jd - 2_415_021.076998695) / 29.530588853)
  // The mean lunation can put the true new moon a day either side: step back until it is not after `jd`.
  let monthStart = newMoonDay(k + 1, tz)
  for (let back = k; monthStart > jd; back--) monthStart = newMoonDay(back, tz)
  let a11 = month11(year, tz)
  let b11 = a11
  let lunarYear: number
  if (a11 >= monthStart) {
    lunarYear = year
    a11 = month11(year - 1, tz)
  } else {
    lunarYear = year + 1
    b11 = month11(year + 1, tz)
  }
  const diff = Math.floor((monthStart - a11) / 29)
  let leap = false
  let month = diff + 11
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz)
    if (diff >= leapDiff) {
      month = diff + 10
      leap = diff === leapDiff
    }
  }
  if (month > 12) month -= 12
  if (month >= 11 && diff < 4) lunarYear -= 1
  return { day: jd - monthStart + 1, month, year: lunarYear, leap }
}

/** Lunar date → solar day, or null when that leap month does not exist in that year. */
export function lunarToSolar(date: LunarDate, tz = vietnamTimeZone): DayNumber | null {
  const [a11, b11] =
    date.month < 11
      ? [month11(date.year - 1, tz), month11(date.year, tz)]
      : [month11(date.year, tz), month11(date.year + 1, tz)]
  const k = Math.floor(0.5 + (a11 - 2_415_021.076998695) / 29.530588853)
  let off = date.month - 11
  if (off < 0) off += 12
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz)
    let leapMonth = leapOff - 2
    if (leapMonth < 0) leapMonth += 12
    if (date.leap && date.month !== leapMonth) return null
    if (date.leap || off >= leapOff) off += 1
  } else if (date.leap) return null
  return newMoonDay(k + off, tz) + date.day - 1 - 2_440_588
}

/** Lunar date as printed on Vietnamese calendars: `D/M/Y`, `L` after a leap month (`15/4L/2020`). */
export const formatLunar = (d: LunarDate) => `${d.day}/${d.month}${d.leap ? 'L' : ''}/${d.year}`
