import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import type { DossierView } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'
import { type ComponentForm, componentActions } from './commands.ts'
import { AttachForm, DigitizeForm } from './DigitizeForm.tsx'
import { reusableKey, VaultReuseForm } from './VaultReuseForm.tsx'

type Component = DossierView['components'][number]

function ComponentState({ component }: { component: Component }) {
  const { t } = useI18n()
  const state = component.reused
    ? 'components.state.reused'
    : component.digitized
      ? 'components.state.digitized'
      : component.fileRef
        ? 'components.state.file'
        : 'components.state.noFile'
  return <span className="meta">({t(state)})</span>
}

/**
 * Thành phần hồ sơ: what the dossier holds of each document, and the actions availableActions offers on
 * one component — upload a file, digitize a paper one, reuse one from the applicant's vault — each with
 * its own form. A document to be presented (xuất trình) is shown at the counter and not offered here.
 */
export function ComponentList({ dossier, viewKey }: { dossier: DossierView; viewKey: readonly unknown[] }) {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const ref = dossier.code ?? dossier.id
  const [open, setOpen] = useState<string | null>(null)
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false })
  const offered = dossier.availableActions.filter((a) => a in componentActions)
  const procedure = useQuery({
    queryKey: ['procedure', dossier.procedure.code],
    enabled: offered.length > 0,
    queryFn: () => ok(client.GET('/api/procedures/{code}', { params: { path: { code: dossier.procedure.code } } })),
  }).data
  const choices = [
    ...new Set([
      ...dossier.components.map((c) => c.name),
      ...(procedure?.requiredDocuments ?? []).filter((d) => d.form !== 'presented').map((d) => d.name),
    ]),
  ]
  const work = useMutation({
    mutationFn: (run: () => Promise<DossierView | null>) => run(),
    onMutate: () => setStatus({ text: t('dossier.working'), error: false }),
    onSuccess: (next) => {
      if (next) queries.setQueryData(viewKey, next)
      setOpen(null)
      setStatus({ text: t('cmd.done'), error: false })
    },
    onError: (error) => setStatus({ text: errorText(error, lang, t('common.networkError')), error: true }),
    onSettled: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: viewKey }),
        queries.invalidateQueries({ queryKey: reusableKey(ref) }),
      ]),
  })
  const busy = work.isPending
  const run = (job: () => Promise<DossierView | null>) => work.mutate(job)
  const formFor = (form: ComponentForm) =>
    form === 'digitize' ? (
      <DigitizeForm dossier={dossier} choices={choices} busy={busy} run={run} />
    ) : form === 'attach' ? (
      <AttachForm dossier={dossier} choices={choices} busy={busy} run={run} />
    ) : (
      <VaultReuseForm dossier={dossier} busy={busy} run={run} />
    )
  return (
    <section aria-labelledby="dossier-components">
      <h2 id="dossier-components">{t('components.title')}</h2>
      {dossier.components.length === 0 ? (
        <p>{t('components.none')}</p>
      ) : (
        <ul>
          {dossier.components.map((c) => (
            <li key={c.name}>
              {c.name} <ComponentState component={c} />
            </li>
          ))}
        </ul>
      )}
      {offered.length > 0 && (
        <ul className="actions">
          {offered.map((action) => {
            const { label, form } = componentActions[action] as (typeof componentActions)[string]
            const formId = `component-${action}`
            return (
              <li key={action}>
                <button
                  type="button"
                  className={open === action ? 'primary' : 'secondary'}
                  aria-expanded={open === action}
                  aria-controls={open === action ? formId : undefined}
                  onClick={() => {
                    setOpen(open === action ? null : action)
                    setStatus({ text: '', error: false })
                  }}
                >
                  {t(label)}
                </button>
                {open === action && <div id={formId}>{formFor(form)}</div>}
              </li>
            )
          })}
        </ul>
      )}
      <Announcement failed={status.error}>{status.text}</Announcement>
    </section>
  )
}
