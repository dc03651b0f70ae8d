import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'

/**
 * Đánh dấu là phản ánh lặp lại: the handling officer names the earlier, answered petition this one
 * comes back about, which counts that answer against satisfaction (766 indicator 5.3; rules.md,
 * Petitions). Shown only when `availableActions` offers `mark-follow-up`.
 */
export function PetitionFollowUpForm({ petition: p }: { petition: { code: string; version: number } }) {
  const { t, lang } = useI18n()
  const queryClient = useQueryClient()
  const id = useId()
  const [earlier, setEarlier] = useState('')
  const mark = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/petitions/{code}/follow-up', {
          params: { path: { code: p.code } },
          body: { followsUp: earlier.trim(), expectedVersion: p.version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['petition', p.code] }),
  })
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (event.currentTarget.reportValidity()) mark.mutate()
  }
  return (
    <form className="stack" onSubmit={submit}>
      <h2>{t('petition.markFollowUp')}</h2>
      <label htmlFor={id}>{t('petition.followsUpCode')}</label>
      <input
        id={id}
        required
        pattern="PAKN\.[0-9]{8}\.[0-9]{4,}"
        placeholder="PAKN.yyyymmdd.nnnn"
        value={earlier}
        onChange={(e) => setEarlier(e.target.value)}
      />
      <button type="submit" disabled={mark.isPending}>
        {t('petition.markFollowUpButton')}
      </button>
      {mark.error && (
        <p role="alert" className="error">
          {errorText(mark.error, lang, t('common.networkError'))}
        </p>
      )}
    </form>
  )
}
