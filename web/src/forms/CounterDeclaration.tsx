import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useId, useState } from 'react'
import { FormProvider } from 'react-hook-form'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { Announcement } from '../Announcement.tsx'
import { ApiError, client, errorText, newIdempotencyKey, ok } from '../api/client.ts'
import type { Answer, Body, ProcedureDetail } from '../api/types.ts'
import { type MessageKey, useI18n } from '../i18n/messages.ts'
import { DeclarationFields } from './DeclarationFields.tsx'
import { enterMovesOn } from './enter-moves-on.ts'
import { ErrorSummary, type FieldError, FieldMessage, fieldState } from './field-errors.tsx'
import { useDeclarationForm } from './use-declaration-form.ts'
import { serverErrors } from './validate.ts'
import './declaration.css'

export type Created = Answer<'/api/dossiers', 'post'>

const NO_PREFILL: ReadonlyMap<string, string> = new Map()

function ApplicantField({
  label,
  value,
  onChange,
  type = 'text',
  inputMode,
  id: givenId,
  errors = [],
}: {
  label: MessageKey
  value: string
  onChange: (v: string) => void
  type?: string
  inputMode?: 'numeric' | 'tel'
  id?: string
  errors?: readonly FieldError[]
}) {
  const { t } = useI18n()
  const ownId = useId()
  const id = givenId ?? ownId
  return (
    <div className="form-field declaration-field">
      <label htmlFor={id}>{t(label)}</label>
      <FieldMessage errors={errors} fieldId={id} />
      <input
        {...fieldState(errors, id)}
        id={id}
        type={type}
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  )
}

/** The reception part of the body: channel (in person or post), received now or checked first, deciding commune. */
export type ReceptionBody = Pick<Body<'/api/dossiers', 'post'>, 'channel' | 'receiveNow' | 'competentAgencyId'>

/**
 * Tiếp nhận trực tiếp: the counter officer copies the paper declaration (handed in or come by post) into
 * the same e-form the citizen fills online, all steps on one page, keyboard first (the paper's order,
 * Enter moves on). The dossier is received at once and gets its code, or registered for the check.
 */
export default function CounterDeclaration({
  procedure,
  form,
  agencyId,
  reception,
  choices,
  onCreated,
}: {
  procedure: ProcedureDetail
  form: FormDefinition
  agencyId: string
  reception: ReceptionBody
  /** How the dossier is taken in (the office's reception choices), asked first. */
  choices: ReactNode
  onCreated: (dossier: Created) => void
}) {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const prefix = `w${useId().replaceAll(':', '')}`
  const declaration = useDeclarationForm(form, {}, prefix)
  const [name, setName] = useState('')
  const [identity, setIdentity] = useState('')
  const [phone, setPhone] = useState('')
  const [address, setAddress] = useState('')
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set())
  const [key, setKey] = useState(newIdempotencyKey)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState({ text: '', error: false })
  const toggle = (i: number) =>
    setChecked((prev) => {
      const next = new Set(prev)
      if (next.has(i)) next.delete(i)
      else next.add(i)
      return next
    })
  const nameId = `${prefix}-applicant-name`
  const submit = async () => {
    const nameMissing =
      name.trim() === '' ? [{ fieldId: nameId, message: t('form.required', { label: t('walkIn.name') }) }] : []
    if (!declaration.check(undefined, undefined, nameMissing)) return
    setBusy(true)
    setStatus({ text: t('dossier.working'), error: false })
    const orNull = (v: string) => (v.trim() ? v.trim() : null)
    const body: Body<'/api/dossiers', 'post'> = {
      procedureCode: procedure.code,
      receivingAgencyId: agencyId,
      ...reception,
      applicant: {
        id: 'walk-in',
        kind: 'citizen',
        name: name.trim(),
        identityNumber: orNull(identity),
        phone: orNull(phone),
        email: null,
        address: orNull(address),
      },
      components: form.attachments
        .filter((_, i) => checked.has(i))
        .map((a) => ({ name: a.component.normalize('NFC').trim().slice(0, 500), fileRef: null })),
      declaration: declaration.data(),
      formVersion: form.version,
    }
    try {
      const dossier = await ok(
        client.POST('/api/dossiers', {
          params: { header: { 'idempotency-key': key } },
          body,
        }),
      )
      await queries.invalidateQueries({ queryKey: ['queue'] })
      onCreated(dossier)
    } catch (error) {
      setStatus({ text: errorText(error, lang, t('common.networkError')), error: true })
      // An answered refusal is remembered for its key: the corrected attempt is a new one.
      if (error instanceof ApiError) setKey(newIdempotencyKey())
      const fields = error instanceof ApiError ? serverErrors(error.problem?.errors ?? []) : []
      if (fields.length > 0) declaration.check(undefined, fields)
    } finally {
      setBusy(false)
    }
  }
  return (
    <FormProvider {...declaration.methods}>
      <form
        className="declaration"
        noValidate
        onKeyDown={enterMovesOn}
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <p className="meta">{t('walkIn.enterHint')}</p>
        <ErrorSummary errors={declaration.errors} summaryRef={declaration.summaryRef} />
        {choices}
        <fieldset>
          <legend>{t('walkIn.applicant')}</legend>
          <ApplicantField label="walkIn.name" value={name} onChange={setName} id={nameId} errors={declaration.errors} />
          <ApplicantField label="walkIn.identity" value={identity} onChange={setIdentity} inputMode="numeric" />
          <ApplicantField label="walkIn.phone" value={phone} onChange={setPhone} type="tel" inputMode="tel" />
          <ApplicantField label="walkIn.address" value={address} onChange={setAddress} />
        </fieldset>
        <h2>{t('walkIn.declaration')}</h2>
        <DeclarationFields
          form={form}
          stepIds={form.layout.steps.map((s) => s.id)}
          idPrefix={prefix}
          errors={declaration.errors}
          prefilled={NO_PREFILL}
          stepHeadings
        />
        <fieldset>
          <legend>{t('walkIn.documents')}</legend>
          {form.attachments.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            form.attachments.map((slot, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed for the form's life and may repeat a name
              <label key={i} className="choice">
                <input type="checkbox" checked={checked.has(i)} onChange={() => toggle(i)} /> {slot.component}
              </label>
            ))
          )}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {t(reception.receiveNow === false ? 'walkIn.register' : 'walkIn.submit')}
        </button>
        <Announcement failed={status.error}>{status.text}</Announcement>
      </form>
    </FormProvider>
  )
}
