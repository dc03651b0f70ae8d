/** Vietnam keeps UTC+7 all year (no daylight saving), so local time is a fixed offset. */
export const vietnamOffsetMinutes = 7 * 60

/** The calendar date in Asia/Ho_Chi_Minh of an instant, as YYYY-MM-DD, whatever the server's zone. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + vietnamOffsetMinutes * 60_000).toISOString().slice(0, 10)
}
