import type { InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { petitionRejection, recordPetitionRejectionReported } from '../../store/petitions/portal-petition-intake.ts'
import { type RefusalReportDeps, reportRefusal } from '../portal/report-refusal.ts'

/**
 * Báo từ chối tiếp nhận PAKN: tells the platform that motcua refused one of its petitions before
 * receiving it, with the reason's code and text, once the refusal committed (report-refusal.ts).
 */
export async function reportPetitionRefusal(
  deps: RefusalReportDeps<Pick<InboundClient, 'reportPetitionRefusal'>>,
  portalId: string,
): Promise<'sent' | 'not-refused' | 'already-sent'> {
  return reportRefusal(
    await petitionRejection(deps.db, portalId),
    deps.refusalText,
    (fields) => deps.client.reportPetitionRefusal({ MaPAKNQuocGia: portalId, ...fields }),
    () => recordPetitionRejectionReported(deps.db, portalId, deps.now()),
  )
}
