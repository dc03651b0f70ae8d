import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, newIdempotencyKey, ok } from '../../api/client.ts'
import type { DossierView } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'
import {
  type Command,
  commandBody,
  commands,
  type DecisionSection,
  decisionBody,
  decisionSections,
  type Field,
  hiddenActions,
} from './commands.ts'
import { type CorrectableField, correctableFields } from './correctable-fields.ts'
import { useDeclarationForm } from './DeclarationPanel.tsx'

/** Every command is a POST on a sub-resource of the dossier, answered with the dossier's new view. */
const commandPath = (command: Command) => `/api/dossiers/{ref}/${command.path}` as '/api/dossiers/{ref}/reception'

function FieldInput({ field, value, onChange }: { field: Field; value: string; onChange: (value: string) => void }) {
  const { t } = useI18n()
  const id = useId()
  const hintId = `${id}-hint`
  let control: ReactNode
  if (field.kind === 'select')
    control = (
      <select id={id} value={value || field.options[0]?.value} onChange={(e) => onChange(e.target.value)}>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {t(o.label)}
          </option>
        ))}
      </select>
    )
  else if (field.kind === 'textarea' || field.kind === 'lines')
    control = (
      <textarea
        id={id}
        rows={3}
        value={value}
        required={field.kind === 'lines' || field.required}
        aria-describedby={field.kind === 'lines' ? hintId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    )
  else
    control = (
      <input
        id={id}
        type={field.kind === 'datetime' ? 'datetime-local' : 'text'}
        inputMode={field.kind === 'amount' ? 'numeric' : undefined}
        pattern={field.kind === 'amount' ? '[0-9 .]*[1-9][0-9 .]*' : undefined}
        value={value}
        required={field.kind === 'datetime' || field.kind === 'amount' || field.required}
        onChange={(e) => onChange(e.target.value)}
      />
    )
  return (
    <div className="form-field">
      <label htmlFor={id}>{t(field.label)}</label>
      {field.kind === 'lines' && (
        <p id={hintId} className="meta">
          {t('cmd.hint.lines')}
        </p>
      )}
      {control}
    </div>
  )
}

/** The result template's decision fields (approving an appraisal): labels from the form, Vietnamese first. */
function DecisionFields({
  sections,
  values,
  onChange,
}: {
  sections: readonly DecisionSection[]
  values: Record<string, string>
  onChange: (path: string, value: string) => void
}) {
  const id = useId()
  return sections.map((section) => (
    <fieldset key={section.id} className="form-field">
      <legend>
        {section.title.vi} <span lang="en">/ {section.title.en}</span>
      </legend>
      {section.fields.map((field) => (
        <div className="form-field" key={field.path}>
          <label htmlFor={`${id}-${field.path}`}>
            {field.label.vi} <span lang="en">/ {field.label.en}</span>
          </label>
          <input
            id={`${id}-${field.path}`}
            type={field.kind === 'date' ? 'date' : 'text'}
            inputMode={field.kind === 'number' ? 'numeric' : undefined}
            required={field.required}
            value={values[field.path] ?? ''}
            onChange={(e) => onChange(field.path, e.target.value)}
          />
        </div>
      ))}
    </fieldset>
  ))
}

/** The declaration fields a supplement request may name for the applicant to correct (checkboxes). */
function CorrectionChoices({
  choices,
  chosen,
  onChange,
}: {
  choices: readonly CorrectableField[]
  chosen: readonly string[]
  onChange: (chosen: string[]) => void
}) {
  const { t } = useI18n()
  return (
    <fieldset className="correction-choices">
      <legend>{t('cmd.field.correctionFields')}</legend>
      {choices.map((choice) => (
        <label key={choice.path} className="checkbox">
          <input
            type="checkbox"
            value={choice.path}
            checked={chosen.includes(choice.path)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, choice.path] : chosen.filter((p) => p !== choice.path))
            }
          />{' '}
          {choice.label.vi}{' '}
          <span className="meta" lang="en">
            / {choice.label.en}
          </span>
        </label>
      ))}
    </fieldset>
  )
}

function CommandForm({
  command,
  decision,
  corrections,
  busy,
  onSubmit,
}: {
  command: Command
  /** Asked when the appraisal approves and the procedure's result template has decision fields. */
  decision: readonly DecisionSection[]
  /** Offered when a supplement is requested on a dossier with a declaration: the fields to correct. */
  corrections: readonly CorrectableField[]
  busy: boolean
  onSubmit: (body: Record<string, unknown>) => void
}) {
  const { t } = useI18n()
  const [values, setValues] = useState<Record<string, string>>({})
  const [decided, setDecided] = useState<Record<string, string>>({})
  const [toCorrect, setToCorrect] = useState<string[]>([])
  const approving = decision.length > 0 && (values.outcome ?? 'approve') === 'approve'
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = commandBody(command, values)
    const withFields = toCorrect.length > 0 ? { ...body, fields: toCorrect } : body
    onSubmit(approving ? { ...withFields, decision: decisionBody(decision, decided) } : withFields)
  }
  return (
    <form className="command-form" onSubmit={submit}>
      {command.fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={values[field.name] ?? ''}
          onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
        />
      ))}
      {corrections.length > 0 && <CorrectionChoices choices={corrections} chosen={toCorrect} onChange={setToCorrect} />}
      {approving && (
        <>
          <p className="meta">{t('cmd.decision')}</p>
          <DecisionFields
            sections={decision}
            values={decided}
            onChange={(path, value) => setDecided((v) => ({ ...v, [path]: value }))}
          />
        </>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('cmd.submit')}
      </button>
    </form>
  )
}

/**
 * One button per command availableActions offers the caller; each opens its form inline. The view
 * the command answers with replaces the cached one; the queues it may leave or join are refetched.
 */
export function Actions({ dossier, viewKey }: { dossier: DossierView; viewKey: readonly unknown[] }) {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const [open, setOpen] = useState<string | null>(null)
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false })
  const actions = dossier.availableActions.filter((a) => !hiddenActions.has(a))
  const declarationForm = useDeclarationForm(dossier).data?.form
  const result = declarationForm?.result
  const decision = result ? decisionSections(result.decisionLayout, result.decisionSchema) : []
  const correctable = declarationForm ? correctableFields(declarationForm) : []
  const command = useMutation({
    mutationFn: ({ command, body }: { command: Command; body: Record<string, unknown> }) =>
      ok(
        client.POST(commandPath(command), {
          params: { path: { ref: dossier.code ?? dossier.id }, header: { 'idempotency-key': newIdempotencyKey() } },
          body: { ...body, expectedVersion: dossier.version } as never,
        }),
      ),
    onMutate: () => setStatus({ text: t('dossier.working'), error: false }),
    onSuccess: (next) => {
      queries.setQueryData(viewKey, next)
      setOpen(null)
      setStatus({ text: t('cmd.done'), error: false })
    },
    onError: (error) => setStatus({ text: errorText(error, lang, t('common.networkError')), error: true }),
    onSettled: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: viewKey }),
        queries.invalidateQueries({ queryKey: ['queue'] }),
      ]),
  })
  const busy = command.isPending
  const run = (c: Command, body: Record<string, unknown>) => command.mutate({ command: c, body })
  return (
    <section aria-labelledby="dossier-actions">
      <h2 id="dossier-actions">{t('dossier.actions')}</h2>
      {actions.length === 0 ? (
        <p>{t('dossier.noActions')}</p>
      ) : (
        <ul className="actions">
          {actions.map((action) => {
            const form = commands[action]
            if (!form) return null
            const formId = `command-${action}`
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
                  {t(form.label)}
                </button>
                {open === action && (
                  <div id={formId}>
                    <CommandForm
                      command={form}
                      decision={action === 'appraise' ? decision : []}
                      corrections={action === 'request-supplement' ? correctable : []}
                      busy={busy}
                      onSubmit={(body) => run(form, body)}
                    />
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <Announcement failed={status.error}>{status.text}</Announcement>
    </section>
  )
}
