/**
 * How long a payment request stays payable at the gateway (product rule, rules.md §8). Whether the
 * dossier may be paid at all is the `pay-online` capability (domain/dossier/permissions.ts).
 */
export const payableMinutes = 15

/** The window in which the gateway accepts a payment request made at `now`. */
export function payableWindow(now: Date): { readonly createdAt: Date; readonly expiresAt: Date } {
  return { createdAt: now, expiresAt: new Date(now.getTime() + payableMinutes * 60_000) }
}
