import type { Applicant } from '../dossier/events.ts'

export const NotificationChannel = { Email: 'email', Sms: 'sms' } as const
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel]

/** The applicant's choice of channels; without one, every channel with a known address is used. */
export type ChannelPreference = { readonly email: boolean; readonly sms: boolean }

/** Why a channel carries nothing for a notice. */
export const SkipReason = { NoAddress: 'no-address', OptedOut: 'opted-out' } as const
export type SkipReason = (typeof SkipReason)[keyof typeof SkipReason]

/** One channel's part in delivering a notice: its recipient, or why it is skipped. */
export type ChannelPlan =
  | { readonly channel: NotificationChannel; readonly recipient: string; readonly skip: null }
  | { readonly channel: NotificationChannel; readonly recipient: string | null; readonly skip: SkipReason }

const present = (value: string | null): string | null => (value && value.trim() !== '' ? value.trim() : null)

/** E-mail to the applicant's address and SMS to their phone, each unless unknown or declined. */
export function channelPlan(applicant: Applicant, preference: ChannelPreference | null): ChannelPlan[] {
  const plan = (channel: NotificationChannel, address: string | null, wanted: boolean): ChannelPlan => {
    if (address === null) return { channel, recipient: null, skip: SkipReason.NoAddress }
    if (!wanted) return { channel, recipient: address, skip: SkipReason.OptedOut }
    return { channel, recipient: address, skip: null }
  }
  return [
    plan(NotificationChannel.Email, present(applicant.email), preference?.email ?? true),
    plan(NotificationChannel.Sms, present(applicant.phone), preference?.sms ?? true),
  ]
}
