import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, newIdempotencyKey, ok } from '../../api/client.ts'
import type { DossierView } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'
import type { ComponentRun } from './DigitizeForm.tsx'

/** The query of the vault documents that stand for each component (GET …/reusable-documents). */
export const reusableKey = (ref: string) => ['reusable-documents', ref]

/**
 * Dùng lại giấy tờ trong kho: for each component, the applicant's vault documents that stand for it
 * (the server's `standsFor`); the officer picks one and it replaces the paper (`reuse-component`).
 */
export function VaultReuseForm({ dossier, busy, run }: { dossier: DossierView; busy: boolean; run: ComponentRun }) {
  const { t, tx, lang, formatInstant } = useI18n()
  const ref = dossier.code ?? dossier.id
  const group = useId()
  const reusable = useQuery({
    queryKey: reusableKey(ref),
    queryFn: () => ok(client.GET('/api/dossiers/{ref}/reusable-documents', { params: { path: { ref } } })),
  })
  const [chosen, setChosen] = useState<{ component: string; vaultItemId: string } | null>(null)
  const components = reusable.data?.components
  if (!components)
    return (
      <Announcement failed={reusable.isError}>
        {reusable.isError ? errorText(reusable.error, lang, t('common.networkError')) : t('cmd.reuse.loading')}
      </Announcement>
    )
  if (components.every((c) => c.items.length === 0)) return <p>{t('cmd.reuse.none')}</p>
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!chosen) return
    run(() =>
      ok(
        client.POST('/api/dossiers/{ref}/reused-components', {
          params: { path: { ref }, header: { 'idempotency-key': newIdempotencyKey() } },
          body: { expectedVersion: dossier.version, ...chosen },
        }),
      ),
    )
  }
  return (
    <form className="command-form" onSubmit={submit}>
      <p className="meta">{t('cmd.reuse.intro')}</p>
      {components.map((component) => (
        <fieldset key={component.name} className="form-field choices">
          <legend>{component.name}</legend>
          {component.items.length === 0 ? (
            <p className="meta">{t('cmd.reuse.noneFor')}</p>
          ) : (
            component.items.map((item) => (
              <label key={item.id} className="choice">
                <input
                  type="radio"
                  name={group}
                  required
                  value={`${component.name}\n${item.id}`}
                  checked={chosen?.component === component.name && chosen.vaultItemId === item.id}
                  onChange={() => setChosen({ component: component.name, vaultItemId: item.id })}
                />{' '}
                {t('cmd.reuse.item', {
                  title: item.title,
                  kind: tx(`vault.kind.${item.kind}`),
                  at: formatInstant(item.createdAt),
                })}
              </label>
            ))
          )}
        </fieldset>
      ))}
      <button type="submit" className="primary" disabled={busy}>
        {t('cmd.submit')}
      </button>
    </form>
  )
}
