import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { ApiError, client, errorText, ok } from '../api/client.ts'
import { ErrorSummary, FieldMessage, fieldState, useFieldErrors } from '../forms/field-errors.tsx'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { useRouter } from '../router.tsx'

export function TrackingPage() {
  const { t, tx, lang, formatInstant } = useI18n()
  usePageHead(t('track.title'), t('head.tracking'))
  const { search } = useRouter()
  const codeId = useId()
  const verifierId = useId()
  const fieldErrors = useFieldErrors()
  const { errors } = fieldErrors
  const [code, setCode] = useState(search.get('ma') ?? '')
  const [verifier, setVerifier] = useState('')
  const lookup = useMutation({
    mutationFn: (body: { code: string; verifier: string }) => ok(client.POST('/api/lookup', { body })),
    onError: (error) => fieldErrors.fromProblem(error, { code: codeId, verifier: verifierId }),
  })

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!fieldErrors.check(event.currentTarget)) return
    lookup.mutate({ code: code.trim().toUpperCase(), verifier: verifier.trim() })
  }

  const found = lookup.data
  const result = lookup.isPending
    ? t('track.loading')
    : found
      ? t('track.found', {
          code: found.code,
          status: tx(`status.${found.status}`),
          appointment: found.appointmentAt ? formatInstant(found.appointmentAt) : t('track.noAppointment'),
        })
      : ''
  return (
    <>
      <h1>{t('track.title')}</h1>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} summaryRef={fieldErrors.summaryRef} />
        <label htmlFor={codeId}>{t('track.code')}</label>
        <FieldMessage errors={errors} fieldId={codeId} />
        <input
          id={codeId}
          required
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          {...fieldState(errors, codeId)}
        />
        <label htmlFor={verifierId}>{t('track.verifier')}</label>
        <FieldMessage errors={errors} fieldId={verifierId} />
        <input
          id={verifierId}
          required
          inputMode="numeric"
          pattern="[0-9]{4}"
          maxLength={4}
          autoComplete="off"
          value={verifier}
          onChange={(e) => setVerifier(e.target.value)}
          {...fieldState(errors, verifierId)}
        />
        <button type="submit" className="primary" disabled={lookup.isPending}>
          {t('track.submit')}
        </button>
      </form>
      {lookup.isError ? (
        <p role="alert" className="error">
          {lookup.error instanceof ApiError && lookup.error.status === 404
            ? t('track.notFound')
            : errorText(lookup.error, lang, t('common.networkError'))}
        </p>
      ) : (
        <p role="status" aria-live="polite" className="result">
          {result}
        </p>
      )}
    </>
  )
}
