import type { InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { portalTime } from '../../adapters/national-portal/portal-record.ts'
import type { Db } from '../../store/database.ts'
import { recordRefusalReported, rejectedIntake } from '../../store/portal/inbound-intakes.ts'

/**
 * Báo từ chối hồ sơ: tells the platform that motcua refused a national dossier, with the reason's
 * code and text, once the rejection committed (its outbox message triggers this, so the relay
 * retries an unavailable platform). A refusal the platform already took is not sent again.
 */
export async function reportIntakeRefusal(
  deps: {
    readonly db: Db
    readonly client: Pick<InboundClient, 'reportRefusal'>
    readonly refusalText: (reason: string) => { readonly vi: string; readonly en: string }
    readonly now: () => Date
  },
  nationalId: string,
): Promise<'sent' | 'not-rejected' | 'already-sent'> {
  const intake = await rejectedIntake(deps.db, nationalId)
  if (!intake) return 'not-rejected'
  if (intake.reported) return 'already-sent'
  const text = deps.refusalText(intake.reason)
  await deps.client.reportRefusal({
    MaHoSoQuocGia: nationalId,
    MaLyDo: intake.reason,
    LyDo: text.vi,
    LyDoTiengAnh: text.en,
    NgayTuChoi: portalTime(intake.rejectedAt.getTime()),
  })
  await recordRefusalReported(deps.db, nationalId, deps.now())
  return 'sent'
}
