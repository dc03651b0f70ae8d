import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'

type Category = 'conduct' | 'regulation'
/** What the forms read of GET /api/petitions/{code}. */
type Petition = {
  readonly code: string
  readonly version: number
  readonly category: Category | null
  readonly availableActions: readonly string[]
}

/**
 * Before routing, the officer of the agency holding a petition classifies it (Decree 20/2008 Art. 5),
 * asks the petitioner for a supplement, or refuses it (rules.md, Petitions). Each form shows only
 * when `availableActions` offers its command.
 */
export function PetitionTriageForms({ petition: p }: { petition: Petition }) {
  const { t, lang } = useI18n()
  const queryClient = useQueryClient()
  const ids = { category: useId(), items: useId(), reason: useId() }
  const [category, setCategory] = useState<Category | ''>(p.category ?? '')
  const [items, setItems] = useState('')
  const [reason, setReason] = useState('')
  const path = { params: { path: { code: p.code } } }
  const done = () => queryClient.invalidateQueries({ queryKey: ['petition', p.code] })
  const classify = useMutation({
    mutationFn: (c: Category) =>
      ok(
        client.POST('/api/petitions/{code}/classification', {
          ...path,
          body: { category: c, expectedVersion: p.version },
        }),
      ),
    onSuccess: done,
  })
  const askSupplement = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/petitions/{code}/supplement-requests', {
          ...path,
          body: { items: items.trim(), expectedVersion: p.version },
        }),
      ),
    onSuccess: done,
  })
  const refuse = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/petitions/{code}/refusal', {
          ...path,
          body: { reason: reason.trim(), expectedVersion: p.version },
        }),
      ),
    onSuccess: done,
  })
  const submit = (run: () => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (event.currentTarget.reportValidity()) run()
  }
  const can = (action: string) => p.availableActions.includes(action)
  const failed = classify.error ?? askSupplement.error ?? refuse.error
  return (
    <>
      {can('classify') && (
        <form className="stack" onSubmit={submit(() => category !== '' && classify.mutate(category))}>
          <h2>{t('petition.classify')}</h2>
          <label htmlFor={ids.category}>{t('petition.category')}</label>
          <select
            id={ids.category}
            required
            value={category}
            onChange={(e) => setCategory(e.target.value as Category | '')}
          >
            <option value="">{t('petition.categoryChoose')}</option>
            <option value="conduct">{t('petition.category.conduct')}</option>
            <option value="regulation">{t('petition.category.regulation')}</option>
          </select>
          <button type="submit" disabled={classify.isPending}>
            {t('petition.classifyButton')}
          </button>
        </form>
      )}
      {can('request-supplement') && (
        <form className="stack" onSubmit={submit(() => askSupplement.mutate())}>
          <h2>{t('petition.askSupplement')}</h2>
          <label htmlFor={ids.items}>{t('petition.supplementItems')}</label>
          <textarea id={ids.items} required rows={3} value={items} onChange={(e) => setItems(e.target.value)} />
          <button type="submit" disabled={askSupplement.isPending}>
            {t('petition.askSupplementButton')}
          </button>
        </form>
      )}
      {can('refuse') && (
        <form className="stack" onSubmit={submit(() => refuse.mutate())}>
          <h2>{t('petition.refuse')}</h2>
          <label htmlFor={ids.reason}>{t('petition.refuseReason')}</label>
          <textarea id={ids.reason} required rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" disabled={refuse.isPending}>
            {t('petition.refuseButton')}
          </button>
        </form>
      )}
      {failed && (
        <p role="alert" className="error">
          {errorText(failed, lang, t('common.networkError'))}
        </p>
      )}
    </>
  )
}
