import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { agenciesInForce, agencyTreeQuery, oneStopUnits } from '../../api/agencies.ts'
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
  type FormValues,
  type ItemRow,
  isRequired,
  rowsOf,
  textOf,
} from './commands.ts'
import { type CorrectableField, correctableFields } from './correctable-fields.ts'
import { useDeclarationForm } from './DeclarationPanel.tsx'

/** Every command is a POST on a sub-resource of the dossier, answered with the dossier's new view. */
const commandPath = (command: Command) => `/api/dossiers/{ref}/${command.path}` as '/api/dossiers/{ref}/reception'

/** Each missing or wrong item on its own row, with why (form 02); rows are added and removed in place. */
function ItemisedRows({
  field,
  rows,
  onChange,
}: {
  field: Field
  rows: readonly ItemRow[]
  onChange: (rows: readonly ItemRow[]) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const addButton = useRef<HTMLButtonElement>(null)
  const [focusRow, setFocusRow] = useState<number | null>(null)
  useEffect(() => {
    if (focusRow === null) return
    document.getElementById(`${id}-${focusRow}-name`)?.focus()
    setFocusRow(null)
  }, [focusRow, id])
  const change = (key: number, part: Partial<ItemRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...part } : row)))
  const add = () => {
    const key = Math.max(...rows.map((r) => r.key)) + 1
    onChange([...rows, { key, name: '', reason: '' }])
    setFocusRow(key)
  }
  const remove = (key: number) => {
    onChange(rows.filter((row) => row.key !== key))
    addButton.current?.focus()
  }
  return (
    <fieldset className="form-field item-rows">
      <legend>{t(field.label)}</legend>
      <p className="meta">{t('cmd.hint.itemised')}</p>
      {rows.map((row, i) => (
        <fieldset key={row.key} className="item-row">
          <legend>{t('cmd.item.legend', { n: i + 1 })}</legend>
          <div className="form-field">
            <label htmlFor={`${id}-${row.key}-name`}>{t('cmd.item.name')}</label>
            <input
              id={`${id}-${row.key}-name`}
              type="text"
              required
              maxLength={500}
              value={row.name}
              onChange={(e) => change(row.key, { name: e.target.value })}
            />
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-${row.key}-reason`}>{t('cmd.item.reason')}</label>
            <textarea
              id={`${id}-${row.key}-reason`}
              rows={2}
              maxLength={2000}
              value={row.reason}
              onChange={(e) => change(row.key, { reason: e.target.value })}
            />
          </div>
          {rows.length > 1 && (
            <button type="button" className="secondary" onClick={() => remove(row.key)}>
              {t('cmd.item.remove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" className="secondary" ref={addButton} onClick={add}>
        {t('cmd.item.add')}
      </button>
    </fieldset>
  )
}

/** Two answers as radio buttons; the command gets a boolean. */
function YesNo({
  field,
  value,
  onChange,
}: {
  field: Extract<Field, { kind: 'yes-no' }>
  value: string
  onChange: (value: string) => void
}) {
  const { t } = useI18n()
  const name = useId()
  return (
    <fieldset className="form-field choices">
      <legend>{t(field.label)}</legend>
      {(['yes', 'no'] as const).map((answer) => (
        <label key={answer} className="choice">
          <input
            type="radio"
            name={name}
            value={answer}
            required
            checked={value === answer}
            onChange={() => onChange(answer)}
          />{' '}
          {t(answer === 'yes' ? field.yes : field.no)}
        </label>
      ))}
    </fieldset>
  )
}

function FieldInput({
  field,
  values,
  exclude,
  onChange,
}: {
  field: Field
  values: FormValues
  /** A unit an agency field does not offer (the dossier's own receiving unit). */
  exclude: string
  onChange: (value: string | readonly ItemRow[]) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const tree = useQuery({ ...agencyTreeQuery, enabled: field.kind === 'agency' }).data
  const hintId = `${id}-hint`
  const value = textOf(values, field.name)
  const required = isRequired(field, values)
  if (field.kind === 'itemised')
    return <ItemisedRows field={field} rows={rowsOf(values, field.name)} onChange={onChange} />
  if (field.kind === 'yes-no') return <YesNo field={field} value={value} onChange={onChange} />
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
  else if (field.kind === 'agency') {
    const units = tree ? (field.among === 'one-stop-units' ? oneStopUnits(tree) : agenciesInForce(tree)) : []
    control = (
      <select id={id} required value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('cmd.chooseAgency')}</option>
        {units
          .filter((u) => u.id !== exclude)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </select>
    )
  } else if (field.kind === 'textarea' || field.kind === 'lines')
    control = (
      <textarea
        id={id}
        rows={3}
        value={value}
        required={required}
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
        required={required}
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
  exclude,
  busy,
  onSubmit,
}: {
  command: Command
  /** The dossier's receiving unit: not offered as where to redirect to. */
  exclude: string
  /** Asked when the appraisal approves and the procedure's result template has decision fields. */
  decision: readonly DecisionSection[]
  /** Offered when a supplement is requested on a dossier with a declaration: the fields to correct. */
  corrections: readonly CorrectableField[]
  busy: boolean
  onSubmit: (body: Record<string, unknown>) => void
}) {
  const { t } = useI18n()
  const [values, setValues] = useState<FormValues>({})
  const [decided, setDecided] = useState<Record<string, string>>({})
  const [toCorrect, setToCorrect] = useState<string[]>([])
  const approving = decision.length > 0 && (textOf(values, 'outcome') || 'approve') === 'approve'
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
          values={values}
          exclude={exclude}
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
 * One button per command availableActions offers the caller (those on one component are in the
 * component list); each opens its form inline. The view the command answers with replaces the cached
 * one; the queues it may leave or join are refetched.
 */
export function Actions({ dossier, viewKey }: { dossier: DossierView; viewKey: readonly unknown[] }) {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const [open, setOpen] = useState<string | null>(null)
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false })
  const actions = dossier.availableActions.filter((a) => a in commands)
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
                      exclude={dossier.receivingAgencyId}
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
