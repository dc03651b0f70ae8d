import type { InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { portalTime } from '../../adapters/national-portal/portal-record.ts'
import type { Db } from '../../store/database.ts'
import { intakeOfDossier, recordAcknowledged } from '../../store/portal/inbound-intakes.ts'

/**
 * Báo đã tiếp nhận hồ sơ: tells the platform that the national dossier is now motcua's dossier, in
 * status 1, once its creation committed (the outbox message of its `submitted` event triggers this).
 * A dossier that did not come from the portal is none of the platform's business here; one already
 * acknowledged is not sent again. Every later status goes by the ordinary sync (sync-dossier.ts).
 */
export async function acknowledgeIntake(
  deps: { readonly db: Db; readonly client: Pick<InboundClient, 'acknowledge'>; readonly now: () => Date },
  dossierId: string,
  submittedAt: Date,
): Promise<'sent' | 'not-inbound' | 'already-sent'> {
  const intake = await intakeOfDossier(deps.db, dossierId)
  if (!intake) return 'not-inbound'
  if (intake.acknowledged) return 'already-sent'
  await deps.client.acknowledge({
    MaHoSoQuocGia: intake.nationalId,
    MaHoSoDiaPhuong: dossierId,
    TrangThaiHoSo: 1,
    NgayTiepNhanHoSo: portalTime(submittedAt.getTime()),
  })
  await recordAcknowledged(deps.db, intake.nationalId, deps.now())
  return 'sent'
}
