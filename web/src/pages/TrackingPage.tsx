import { type FormEvent, useId, useState } from 'react'
import { ApiError, api, errorText } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'
import { useRouter } from '../router.tsx'

type Found = { code: string; status: number; appointmentAt: string | null }

export function TrackingPage() {
  const { t, tx, lang, formatInstant } = useI18n()
  const { search } = useRouter()
  const codeId = useId()
  const verifierId = useId()
  const [code, setCode] = useState(search.get('ma') ?? '')
  const [verifier, setVerifier] = useState('')
  const [result, setResult] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setResult(t('track.loading'))
    try {
      const d = await api<Found>('/api/lookup', {
        method: 'POST',
        body: { code: code.trim().toUpperCase(), verifier: verifier.trim() },
      })
      setResult(
        t('track.found', {
          code: d.code,
          status: tx(`status.${d.status}`),
          appointment: d.appointmentAt ? formatInstant(d.appointmentAt) : t('track.noAppointment'),
        }),
      )
    } catch (error) {
      setResult(
        error instanceof ApiError && error.status === 404
          ? t('track.notFound')
          : errorText(error, lang, t('common.networkError')),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <h1>{t('track.title')}</h1>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={codeId}>{t('track.code')}</label>
        <input id={codeId} required autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
        <label htmlFor={verifierId}>{t('track.verifier')}</label>
        <input
          id={verifierId}
          required
          inputMode="numeric"
          pattern="[0-9]{4}"
          maxLength={4}
          autoComplete="off"
          value={verifier}
          onChange={(e) => setVerifier(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('track.submit')}
        </button>
      </form>
      <p role="status" aria-live="polite" className="result">
        {result}
      </p>
    </>
  )
}
