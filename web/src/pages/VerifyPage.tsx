import { type FormEvent, useId, useState } from 'react'
import { api, errorText } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'

type Verification = {
  signed: boolean
  valid: boolean
  signerName: string | null
  signedAt: string | null
  dossier: { code: string | null; status: number } | null
}

export function VerifyPage() {
  const { t, lang, formatInstant } = useI18n()
  const fileId = useId()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) return
    setBusy(true)
    setResult(t('verify.loading'))
    try {
      const r = await api<Verification>('/api/verify', {
        method: 'POST',
        raw: new Blob([file], { type: 'application/pdf' }),
      })
      const lines = [
        !r.signed
          ? t('verify.unsigned')
          : r.valid
            ? t('verify.valid', { signer: r.signerName ?? '', at: formatInstant(r.signedAt) })
            : t('verify.invalid'),
      ]
      if (r.dossier?.code) lines.push(t('verify.dossier', { code: r.dossier.code }))
      setResult(lines.join(' '))
    } catch (error) {
      setResult(errorText(error, lang, t('common.networkError')))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <h1>{t('verify.title')}</h1>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={fileId}>{t('verify.file')}</label>
        <input
          id={fileId}
          type="file"
          accept="application/pdf"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('verify.submit')}
        </button>
      </form>
      <p role="status" aria-live="polite" className="result">
        {result}
      </p>
    </>
  )
}
