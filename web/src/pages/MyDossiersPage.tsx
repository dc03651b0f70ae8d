import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { client, errorText, ok } from '../api/client.ts'
import type { Body } from '../api/types.ts'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { Link } from '../router.tsx'
import { useSession } from '../session.tsx'

/** What a list query shows while loading, on failure (role="alert") and when done. */
function ListStatus({ error, text }: { error: unknown; text: string }) {
  const { t, lang } = useI18n()
  return error ? (
    <p role="alert" className="error">
      {errorText(error, lang, t('common.networkError'))}
    </p>
  ) : (
    <p role="status" aria-live="polite">
      {text}
    </p>
  )
}

function Vault() {
  const { t, tx, formatInstant } = useI18n()
  const vault = useQuery({ queryKey: ['vault'], queryFn: () => ok(client.GET('/api/vault')) })
  const items = vault.data?.items
  return (
    <>
      <ListStatus
        error={vault.error}
        text={
          !items ? t('common.loading') : items.length ? t('vault.count', { total: items.length }) : t('vault.empty')
        }
      />
      {items && items.length > 0 && (
        <ul className="results">
          {items.map((item) => (
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

function Dossiers() {
  const { t, tx, formatInstant } = useI18n()
  const mine = useQuery({ queryKey: ['my-dossiers'], queryFn: () => ok(client.GET('/api/my-dossiers')) })
  const items = mine.data?.items
  return (
    <>
      <ListStatus
        error={mine.error}
        text={!items ? t('common.loading') : items.length ? t('mine.count', { total: items.length }) : t('mine.empty')}
      />
      {items && items.length > 0 && (
        <ul className="results">
          {items.map((d) => (
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
type NotificationPreferences = Body<'/api/my-notification-preferences', 'put'>

/** Nhận thông báo: which channels carry notices about the citizen's dossiers. */
function NoticeChannels() {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const saved = useQuery({
    queryKey: ['my-notification-preferences'],
    queryFn: () => ok(client.GET('/api/my-notification-preferences')),
  })
  const [edited, setEdited] = useState<NotificationPreferences | null>(null)
  const choice = edited ?? (saved.data ? { email: saved.data.email, sms: saved.data.sms } : null)
  const save = useMutation({
    mutationFn: (body: NotificationPreferences) => ok(client.PUT('/api/my-notification-preferences', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['my-notification-preferences'] }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (choice) save.mutate(choice)
  }
  const toggle = (channel: keyof NotificationPreferences) => (checked: boolean) => {
    if (choice) setEdited({ ...choice, [channel]: checked })
    save.reset()
  }
  const failure = save.error ?? saved.error
  const status = save.isPending
    ? t('notices.saving')
    : save.isSuccess
      ? t('notices.saved')
      : choice
        ? ''
        : t('common.loading')
  return (
    <form className="stack" onSubmit={submit}>
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
      <button type="submit" className="primary" disabled={!choice || save.isPending}>
        {t('notices.save')}
      </button>
      {failure ? (
        <p role="alert" className="error">
          {errorText(failure, lang, t('common.networkError'))}
        </p>
      ) : (
        <p role="status" aria-live="polite" className="result">
          {status}
        </p>
      )}
    </form>
  )
}

export function MyDossiersPage() {
  const { t } = useI18n()
  usePageHead(t('mine.title'), t('head.other'))
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
