import type { InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { recordRefusalReported, rejectedIntake } from '../../store/portal/inbound-intakes.ts'
import { type RefusalReportDeps, reportRefusal } from './report-refusal.ts'

/**
 * Báo từ chối hồ sơ: tells the platform that motcua refused a national dossier, with the reason's
 * code and text, once the rejection committed (report-refusal.ts).
 */
export async function reportIntakeRefusal(
  deps: RefusalReportDeps<Pick<InboundClient, 'reportRefusal'>>,
  nationalId: string,
): Promise<'sent' | 'not-refused' | 'already-sent'> {
  return reportRefusal(
    await rejectedIntake(deps.db, nationalId),
    deps.refusalText,
    (fields) => deps.client.reportRefusal({ MaHoSoQuocGia: nationalId, ...fields }),
    () => recordRefusalReported(deps.db, nationalId, deps.now()),
  )
}
