import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { asIs, client, errorText, ok } from '../api/client.ts'
import { ErrorSummary, FieldMessage, fieldState, useFieldErrors } from '../forms/field-errors.tsx'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'

export function VerifyPage() {
  const { t, lang, formatInstant } = useI18n()
  usePageHead(t('verify.title'), t('head.verify'))
  const fileId = useId()
  const fieldErrors = useFieldErrors()
  const { errors } = fieldErrors
  const [file, setFile] = useState<File | null>(null)
  const verify = useMutation({
    mutationFn: (pdf: File) =>
      ok(
        client.POST('/api/verify', {
          body: new Blob([pdf], { type: 'application/pdf' }) as never,
          headers: { 'content-type': 'application/pdf' },
          ...asIs,
        }),
      ),
  })

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!fieldErrors.check(event.currentTarget) || !file) return
    verify.mutate(file)
  }

  const r = verify.data
  const lines = r
    ? [
        !r.signed
          ? t('verify.unsigned')
          : r.valid
            ? t('verify.valid', { signer: r.signerName ?? '', at: formatInstant(r.signedAt) })
            : t('verify.invalid'),
        r.dossier?.code ? t('verify.dossier', { code: r.dossier.code }) : '',
      ]
    : []
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} summaryRef={fieldErrors.summaryRef} />
        <label htmlFor={fileId}>{t('verify.file')}</label>
        <FieldMessage errors={errors} fieldId={fileId} />
        <input
          id={fileId}
          type="file"
          accept="application/pdf"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          {...fieldState(errors, fileId)}
        />
        <button type="submit" className="primary" disabled={verify.isPending}>
          {t('verify.submit')}
        </button>
      </form>
      {verify.isError ? (
        <p role="alert" className="error">
          {errorText(verify.error, lang, t('common.networkError'))}
        </p>
      ) : (
        <p role="status" aria-live="polite" className="result">
          {verify.isPending ? t('verify.loading') : lines.filter(Boolean).join(' ')}
        </p>
      )}
    </>
  )
}
