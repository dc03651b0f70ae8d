import { useEffect, useState } from 'react'
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

export function MyDossiersPage() {
  const { t } = useI18n()
  const { user } = useSession()
  return (
    <>
      <h1>{t('vault.title')}</h1>
      <p>{t('vault.intro')}</p>
      {user === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : user?.kind === 'citizen' ? (
        <Vault />
      ) : (
        <p>
          <Link to="/dang-nhap">{t('vault.signIn')}</Link>
        </p>
      )}
    </>
  )
}
