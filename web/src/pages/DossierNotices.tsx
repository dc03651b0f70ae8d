import { useId } from 'react'
import type { DossierView } from '../api/types.ts'
import { useI18n } from '../i18n/messages.ts'

/** A printable form of the dossier (PDF), opened beside the page. */
function FormLink({ dossier, form, label }: { dossier: DossierView; form: string; label: string }) {
  const ref = encodeURIComponent(dossier.code ?? dossier.id)
  return (
    <p>
      <a href={`/api/dossiers/${ref}/forms/${form}`} target="_blank" rel="noopener">
        {label}
      </a>
    </p>
  )
}

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ at reception (form 02): what the counter asked for, each with why. */
export function ReceptionGuidance({ dossier }: { dossier: DossierView }) {
  const { t, formatInstant } = useI18n()
  const headingId = useId()
  const guidance = dossier.receptionGuidance
  if (!guidance) return null
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notice.guidance')}</h2>
      <dl className="facts">
        <dt>{t('notice.guidanceAt')}</dt>
        <dd>{formatInstant(guidance.at)}</dd>
        <dt>{t('notice.guidanceOfficer')}</dt>
        <dd>{guidance.officer}</dd>
        <dt>{t('cmd.field.reason')}</dt>
        <dd>{guidance.reason}</dd>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>{t('notice.guidanceItems')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notice.col.number')}</th>
              <th scope="col">{t('notice.col.item')}</th>
              <th scope="col">{t('notice.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {guidance.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the items are the form's numbered rows and may repeat a name
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{item.name}</td>
                <td>{item.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormLink dossier={dossier} form="02" label={t('notice.printGuidance')} />
    </section>
  )
}

/**
 * Đề nghị dừng giải quyết hồ sơ and the agency's decision: pending, refused with its note (the dossier
 * goes on), or accepted (stopped, form 05).
 */
export function Withdrawal({ dossier }: { dossier: DossierView }) {
  const { t, formatInstant } = useI18n()
  const headingId = useId()
  const w = dossier.withdrawal
  if (!w) return null
  const decision =
    w.accepted === null
      ? t('notice.withdrawalPending')
      : w.accepted
        ? t('notice.withdrawalAccepted')
        : t('notice.withdrawalRefused')
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notice.withdrawal')}</h2>
      <dl className="facts">
        <dt>{t('notice.withdrawalRequestedAt')}</dt>
        <dd>{formatInstant(w.requestedAt)}</dd>
        <dt>{t('notice.withdrawalReason')}</dt>
        <dd>{w.reason}</dd>
        <dt>{t('notice.withdrawalDecision')}</dt>
        <dd>{decision}</dd>
        {w.decidedAt !== null && (
          <>
            <dt>{t('notice.withdrawalDecidedAt')}</dt>
            <dd>{formatInstant(w.decidedAt)}</dd>
          </>
        )}
        {w.note.trim() !== '' && (
          <>
            <dt>{t('notice.withdrawalNote')}</dt>
            <dd>{w.note}</dd>
          </>
        )}
      </dl>
      {w.accepted === true && <FormLink dossier={dossier} form="05" label={t('notice.printStop')} />}
    </section>
  )
}

/** Văn bản xin lỗi và hẹn lại ngày trả kết quả (form 04); one issued after the deadline is marked late. */
export function Apology({ dossier }: { dossier: DossierView }) {
  const { t, formatInstant } = useI18n()
  const headingId = useId()
  const apology = dossier.apology
  if (!apology) return null
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('notice.apology')} {apology.late && <mark className="late-mark">{t('notice.apologyLate')}</mark>}
      </h2>
      {apology.late && <p className="meta">{t('notice.apologyLateHint')}</p>}
      <dl className="facts">
        <dt>{t('notice.apologyAt')}</dt>
        <dd>{formatInstant(apology.at)}</dd>
        <dt>{t('cmd.field.reason')}</dt>
        <dd>{apology.reason}</dd>
        <dt>{t('cmd.field.newAppointmentAt')}</dt>
        <dd>{formatInstant(apology.newAppointmentAt)}</dd>
      </dl>
      <FormLink dossier={dossier} form="04" label={t('notice.printApology')} />
    </section>
  )
}
