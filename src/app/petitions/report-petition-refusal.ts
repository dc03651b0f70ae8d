import type { InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { portalTime } from '../../adapters/national-portal/portal-record.ts'
import type { Db } from '../../store/database.ts'
import { petitionRejection, recordPetitionRejectionReported } from '../../store/petitions/portal-petition-intake.ts'

/**
 * Báo từ chối tiếp nhận PAKN: tells the platform that motcua refused one of its petitions before
 * receiving it, with the reason's code and text, once the refusal committed (its outbox message
 * triggers this, so the relay retries an unavailable platform). One the platform took is not sent again.
 */
export async function reportPetitionRefusal(
  deps: {
    readonly db: Db
    readonly client: Pick<InboundClient, 'reportPetitionRefusal'>
    readonly refusalText: (reason: string) => { readonly vi: string; readonly en: string }
    readonly now: () => Date
  },
  portalId: string,
): Promise<'sent' | 'not-refused' | 'already-sent'> {
  const refusal = await petitionRejection(deps.db, portalId)
  if (!refusal) return 'not-refused'
  if (refusal.reported) return 'already-sent'
  const text = deps.refusalText(refusal.reason)
  await deps.client.reportPetitionRefusal({
    MaPAKNQuocGia: portalId,
    MaLyDo: refusal.reason,
    LyDo: text.vi,
    LyDoTiengAnh: text.en,
    NgayTuChoi: portalTime(refusal.rejectedAt.getTime()),
  })
  await recordPetitionRejectionReported(deps.db, portalId, deps.now())
  return 'sent'
}
