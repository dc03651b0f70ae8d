import { type FormEvent, useEffect, useState } from 'react'
import { api, errorText } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'
import { Link } from '../router.tsx'
import { useSession } from '../session.tsx'

type VaultItem = { id: string; kind: string; title: string; createdAt: string }
type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; items: VaultItem[] }

function Vault() {
  const { t, tx, lang, formatInstant } = useI18n()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  useEffect(() => {
    api<{ items: VaultItem[] }>('/api/vault').then(
      ({ items }) => setLoad({ state: 'done', items }),
      (error: unknown) => setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
  }, [lang, t])
  const status =
    load.state === 'loading'
      ? t('common.loading')
      : load.state === 'error'
        ? load.message
        : load.items.length
          ? t('vault.count', { total: load.items.length })
          : t('vault.empty')
  return (
    <>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {load.state === 'done' && load.items.length > 0 && (
        <ul className="results">
          {load.items.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong>
              <div className="meta">
                {tx(`vault.kind.${item.kind}`)} · {t('vault.created', { at: formatInstant(item.createdAt) })}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

type MyDossier = {
  id: string
  code: string | null
  procedureName: string
  status: number
  appointmentAt: string | null
}
type DossierLoad = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; items: MyDossier[] }

function Dossiers() {
  const { t, tx, lang, formatInstant } = useI18n()
  const [load, setLoad] = useState<DossierLoad>({ state: 'loading' })
  useEffect(() => {
    let live = true
    api<{ items: MyDossier[] }>('/api/my-dossiers').then(
      ({ items }) => live && setLoad({ state: 'done', items }),
      (error: unknown) =>
        live && setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    return () => {
      live = false
    }
  }, [lang, t])
  const status =
    load.state === 'loading'
      ? t('common.loading')
      : load.state === 'error'
        ? load.message
        : load.items.length
          ? t('mine.count', { total: load.items.length })
          : t('mine.empty')
  return (
    <>
      <p role="status" aria-live="polite" className={load.state === 'error' ? 'error' : undefined}>
        {status}
      </p>
      {load.state === 'done' && load.items.length > 0 && (
        <ul className="results">
          {load.items.map((d) => (
            <li key={d.id}>
              <Link to={`/ho-so-cua-toi/${encodeURIComponent(d.id)}`}>{d.procedureName}</Link>
              <div className="meta">
                {d.code ?? t('mine.noCode')} · {tx(`status.${d.status}`)}
                {d.appointmentAt && <> · {t('mine.appointment', { at: formatInstant(d.appointmentAt) })}</>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** The citizen's choice of notice channels, as GET/PUT /api/my-notification-preferences carry it. */
type NotificationPreferences = { email: boolean; sms: boolean }
type Saving = { state: 'idle' | 'saving' | 'saved' } | { state: 'error'; message: string }

/** Nhận thông báo: which channels carry notices about the citizen's dossiers. */
function NoticeChannels() {
  const { t, lang } = useI18n()
  const [choice, setChoice] = useState<NotificationPreferences | null>(null)
  const [saving, setSaving] = useState<Saving>({ state: 'idle' })
  useEffect(() => {
    let live = true
    api<NotificationPreferences>('/api/my-notification-preferences').then(
      ({ email, sms }) => live && setChoice({ email, sms }),
      (error: unknown) =>
        live && setSaving({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    return () => {
      live = false
    }
  }, [lang, t])
  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!choice) return
    setSaving({ state: 'saving' })
    try {
      await api('/api/my-notification-preferences', { method: 'PUT', body: choice })
      setSaving({ state: 'saved' })
    } catch (error) {
      setSaving({ state: 'error', message: errorText(error, lang, t('common.networkError')) })
    }
  }
  const toggle = (channel: keyof NotificationPreferences) => (checked: boolean) => {
    setChoice((c) => (c ? { ...c, [channel]: checked } : c))
    setSaving({ state: 'idle' })
  }
  const status =
    saving.state === 'error'
      ? saving.message
      : saving.state === 'saving'
        ? t('notices.saving')
        : saving.state === 'saved'
          ? t('notices.saved')
          : choice
            ? ''
            : t('common.loading')
  return (
    <form className="stack" onSubmit={save}>
      <fieldset className="choices">
        <legend>{t('notices.legend')}</legend>
        <p>{t('notices.intro')}</p>
        <label className="choice">
          <input
            type="checkbox"
            checked={choice?.email ?? false}
            disabled={!choice}
            onChange={(e) => toggle('email')(e.target.checked)}
          />{' '}
          {t('notices.email')}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={choice?.sms ?? false}
            disabled={!choice}
            onChange={(e) => toggle('sms')(e.target.checked)}
          />{' '}
          {t('notices.sms')}
        </label>
      </fieldset>
      <button type="submit" className="primary" disabled={!choice || saving.state === 'saving'}>
        {t('notices.save')}
      </button>
      <p role="status" aria-live="polite" className={saving.state === 'error' ? 'error' : 'result'}>
        {status}
      </p>
    </form>
  )
}

export function MyDossiersPage() {
  const { t } = useI18n()
  const { user } = useSession()
  return (
    <>
      <h1>{t('mine.title')}</h1>
      {user === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : user?.kind === 'citizen' ? (
        <>
          <h2>{t('mine.dossiers')}</h2>
          <Dossiers />
          <h2>{t('notices.title')}</h2>
          <NoticeChannels />
          <h2>{t('mine.vault')}</h2>
          <p>{t('vault.intro')}</p>
          <Vault />
        </>
      ) : (
        <p>
          <Link to="/dang-nhap">{t('vault.signIn')}</Link>
        </p>
      )}
    </>
  )
}
