import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { agencyTreeQuery, provinceCommunes } from '../../api/agencies.ts'
import type { Body, ProcedureDetail } from '../../api/types.ts'
import { unitName } from '../../forms/communes.ts'
import { useI18n } from '../../i18n/messages.ts'

/** How the counter takes a dossier in, as `POST /api/dossiers` says it. */
export type Reception = {
  /** 1 in person, 3 by public post. */
  readonly channel: 1 | 3
  /** Received at once with code and receipt, or registered for the counter's check first. */
  readonly receiveNow: boolean
  /** The commune chosen to decide (any-location procedures); null: the counter's own, or none chosen yet. */
  readonly competentAgencyId: string | null
}

/** Handed in at the counter, received at once: what the counter does unless told otherwise. */
export const walkInReception: Reception = { channel: 1, receiveNow: true, competentAgencyId: null }

/**
 * Only a procedure received regardless of address and decided by a commune (no agency named in the
 * catalogue: not a department, not a central branch) lets the counter name the deciding commune.
 */
export const choosesCommune = (procedure: ProcedureDetail) =>
  procedure.anyLocation && procedure.competentAgency === null

/**
 * The reception part of the new dossier's body: the channel, whether it is received now, and for an
 * any-location procedure the commune that decides (the counter's own unless another was chosen).
 */
export function receptionBody(
  reception: Reception,
  procedure: ProcedureDetail,
  ownCommune: string | null,
): Pick<Body<'/api/dossiers', 'post'>, 'channel' | 'receiveNow' | 'competentAgencyId'> {
  const competent = reception.competentAgencyId ?? ownCommune
  return {
    channel: reception.channel,
    receiveNow: reception.receiveNow,
    ...(choosesCommune(procedure) && competent ? { competentAgencyId: competent } : {}),
  }
}

/**
 * Tiếp nhận tại quầy: in person or by post; received at once (code and receipt, form 01) or registered
 * for the counter's check (status 1: then reception, guidance form 02, refusal form 03 or redirection);
 * for a procedure received regardless of address (Decree 118/2025/NĐ-CP), the commune that decides.
 */
export function ReceptionChoices({
  procedure,
  agencyId,
  ownCommune: own,
  value,
  onChange,
}: {
  procedure: ProcedureDetail
  /** The receiving unit: the communes offered are its province's. */
  agencyId: string
  /** The commune the receiving unit belongs to (`ownCommuneOf`), the default; null above communes. */
  ownCommune: string | null
  value: Reception
  onChange: (next: Reception) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const tree = useQuery(agencyTreeQuery).data
  const communes = tree ? provinceCommunes(tree, agencyId) : []
  const radio = (group: string, checked: boolean, onPick: () => void, label: string) => (
    <label className="choice">
      <input type="radio" name={`${id}-${group}`} checked={checked} onChange={onPick} /> {label}
    </label>
  )
  return (
    <>
      <fieldset className="choices">
        <legend>{t('walkIn.channel')}</legend>
        {radio('channel', value.channel === 1, () => onChange({ ...value, channel: 1 }), t('walkIn.channel.inPerson'))}
        {radio('channel', value.channel === 3, () => onChange({ ...value, channel: 3 }), t('walkIn.channel.post'))}
      </fieldset>
      <fieldset className="choices">
        <legend>{t('walkIn.when')}</legend>
        {radio('when', value.receiveNow, () => onChange({ ...value, receiveNow: true }), t('walkIn.receiveNow'))}
        {radio('when', !value.receiveNow, () => onChange({ ...value, receiveNow: false }), t('walkIn.checkFirst'))}
      </fieldset>
      {choosesCommune(procedure) && (
        <div className="form-field">
          <label htmlFor={`${id}-commune`}>{t('walkIn.competentCommune')}</label>
          <p id={`${id}-commune-hint`} className="meta">
            {t(own ? 'walkIn.competentCommuneHint' : 'walkIn.competentCommuneRequired')}
          </p>
          <select
            id={`${id}-commune`}
            aria-describedby={`${id}-commune-hint`}
            value={value.competentAgencyId ?? own ?? ''}
            onChange={(e) => onChange({ ...value, competentAgencyId: e.target.value || null })}
          >
            {own === null && <option value="">{t('walkIn.chooseCommune')}</option>}
            {communes.map((c) => (
              <option key={c.id} value={c.id}>
                {unitName(c.name)}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  )
}
