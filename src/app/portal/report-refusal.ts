import type { IntakeRefusalReport } from '../../adapters/national-portal/inbound-client.ts'
import { portalTime } from '../../adapters/national-portal/portal-record.ts'
import type { Db } from '../../store/database.ts'

/** A refusal as recorded: its reason's code, when, and whether the platform has taken its report. */
export type RecordedRefusal = { readonly reason: string; readonly rejectedAt: Date; readonly reported: boolean }

/** The part of a refusal report both of the platform's queues share (dossiers, petitions; assumed fields). */
export type RefusalReportFields = Omit<IntakeRefusalReport, 'MaHoSoQuocGia'>

/** What a report of a refusal needs: the database, the platform's client, the reason's texts (vi/en), the clock. */
export type RefusalReportDeps<Client> = {
  readonly db: Db
  readonly client: Client
  readonly refusalText: (reason: string) => { readonly vi: string; readonly en: string }
  readonly now: () => Date
}

/**
 * Báo từ chối cho nền tảng: tells the platform that motcua refused one of its deliveries (a dossier
 * or a petition), with the reason's code and its text in Vietnamese and English, once the refusal
 * committed (its outbox message triggers this, so the relay retries an unavailable platform). A
 * refusal the platform already took is not sent again; it is marked reported only once sent.
 */
export async function reportRefusal(
  refusal: RecordedRefusal | null,
  refusalText: (reason: string) => { readonly vi: string; readonly en: string },
  send: (fields: RefusalReportFields) => Promise<void>,
  markReported: () => Promise<void>,
): Promise<'sent' | 'not-refused' | 'already-sent'> {
  if (!refusal) return 'not-refused'
  if (refusal.reported) return 'already-sent'
  const text = refusalText(refusal.reason)
  await send({
    MaLyDo: refusal.reason,
    LyDo: text.vi,
    LyDoTiengAnh: text.en,
    NgayTuChoi: portalTime(refusal.rejectedAt.getTime()),
  })
  await markReported()
  return 'sent'
}
