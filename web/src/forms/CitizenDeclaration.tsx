import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type RefObject, useEffect, useId, useRef, useState } from 'react'
import { FormProvider } from 'react-hook-form'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { ApiError, asIs, client, errorText, newIdempotencyKey, ok } from '../api/client.ts'
import type { Body, ProcedureDetail } from '../api/types.ts'
import { useI18n } from '../i18n/messages.ts'
import { setFlash } from '../pages/flash.ts'
import { useRouter } from '../router.tsx'
import { useSession } from '../session.tsx'
import { DeclarationFields, useCommunes } from './DeclarationFields.tsx'
import { loadDraft, loadPrefill, saveDraft } from './declaration-api.ts'
import { ErrorSummary, type FieldError } from './field-errors.tsx'
import { Review } from './Review.tsx'
import { type Submission, SubmissionDetails, submissionErrors } from './SubmissionDetails.tsx'
import { useDeclarationForm } from './use-declaration-form.ts'
import { serverErrors } from './validate.ts'
import './declaration.css'

export type Place = { id: string; name: string }

/** The server keeps component names to 500 characters; a long catalogue text is cut the same way everywhere. */
const componentName = (name: string) => name.normalize('NFC').trim().slice(0, 500)

/**
 * The online declaration, step by step: the form's steps, then documents and contact, then a review.
 * "Tiếp tục" checks only the step's fields; each move saves a draft on the server, so the applicant can
 * leave and come back on another device. Values the server knows (prefill) come marked and editable.
 */
export default function CitizenDeclaration({
  procedure,
  form,
  places,
}: {
  procedure: ProcedureDetail
  form: FormDefinition
  places: Place[]
}) {
  const { t, lang } = useI18n()
  const draft = useQuery({
    queryKey: ['declaration-draft', procedure.code],
    queryFn: () => loadDraft(procedure.code),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
  const prefill = useQuery({
    queryKey: ['declaration-prefill', procedure.code],
    queryFn: () => loadPrefill(procedure.code, form.version),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
  if (draft.isPending || prefill.isPending) return <p role="status">{t('declaration.loading')}</p>
  const saved = draft.data && draft.data.formVersion === form.version ? draft.data : null
  const offered = prefill.data ?? []
  const start: Record<string, unknown> = structuredClone(saved?.data ?? {})
  for (const v of offered) if (!saved) setPath(start, v.path, v.value)
  const prefilled = new Map(offered.map((v) => [v.path, v.source]))
  return (
    <>
      {(draft.error || prefill.error) && (
        <p role="alert" className="error">
          {errorText(draft.error ?? prefill.error, lang, t('common.networkError'))}
        </p>
      )}
      <Wizard
        procedure={procedure}
        form={form}
        places={places}
        start={start}
        startStep={Math.max(0, stepIds(form).indexOf(saved?.step ?? ''))}
        resumed={saved !== null}
        prefilled={prefilled}
      />
    </>
  )
}

/** The ids of the wizard's steps as a draft names them: the form's steps, then documents, then review. */
const stepIds = (form: FormDefinition) => [...form.layout.steps.map((s) => s.id), 'attachments', 'review']

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('/')
  const last = keys.pop() as string
  let node = target
  for (const [i, key] of keys.entries()) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = /^\d+$/.test(keys[i + 1] ?? last) ? [] : {}
    node = node[key] as Record<string, unknown>
  }
  node[last] = value
}

type DraftState = 'idle' | 'saving' | 'saved' | 'failed'

function Wizard({
  procedure,
  form,
  places,
  start,
  startStep,
  resumed,
  prefilled,
}: {
  procedure: ProcedureDetail
  form: FormDefinition
  places: Place[]
  start: Record<string, unknown>
  startStep: number
  resumed: boolean
  prefilled: ReadonlyMap<string, string>
}) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const { navigate } = useRouter()
  const queries = useQueryClient()
  const idPrefix = useId().replaceAll(':', '')
  const declaration = useDeclarationForm(form, start, `d${idPrefix}`)
  const communes = useCommunes(form)
  const steps = form.layout.steps
  const attachmentsStep = steps.length
  const reviewStep = steps.length + 1
  const total = steps.length + 2
  const [step, setStep] = useState(startStep)
  const [draftState, setDraftState] = useState<DraftState>('idle')
  const [submission, setSubmission] = useState<Submission>({
    agency: places[0]?.id ?? '',
    phone: '',
    email: '',
    address: '',
    files: {},
  })
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([])
  const [status, setStatus] = useState<{ text: string; failed: boolean }>({
    text: resumed ? t('declaration.resumed') : '',
    failed: false,
  })
  const [busy, setBusy] = useState(false)
  const [key] = useState(newIdempotencyKey)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const otherSummary = useRef<HTMLDivElement>(null)

  const save = async (atStep: number) => {
    setDraftState('saving')
    try {
      await saveDraft(procedure.code, {
        formVersion: form.version,
        data: declaration.data(),
        step: stepIds(form)[atStep] ?? null,
      })
      setDraftState('saved')
    } catch {
      setDraftState('failed')
    }
  }
  // Leaving the page (another tab, the phone locked, closing it) keeps what was typed since the last step.
  const saveOnLeave = useRef(() => {})
  saveOnLeave.current = () => {
    if (!busy) void save(step)
  }
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') saveOnLeave.current()
    }
    document.addEventListener('visibilitychange', onHide)
    return () => document.removeEventListener('visibilitychange', onHide)
  }, [])

  const go = (next: number) => {
    declaration.clear()
    setOtherErrors([])
    setStep(next)
    // The new step is announced by moving the focus to its heading.
    requestAnimationFrame(() => headingRef.current?.focus())
    void save(next)
  }
  const next = () => {
    if (step < steps.length) {
      if (declaration.check([steps[step]?.id as string])) go(step + 1)
    } else if (step === attachmentsStep) {
      const found = submissionErrors(form, submission, idPrefix, t)
      setOtherErrors(found)
      if (found.length > 0) requestAnimationFrame(() => otherSummary.current?.focus())
      else go(reviewStep)
    }
  }

  const submit = async () => {
    // Every step again: a draft from an older session may hold values the steps no longer accept.
    for (const [i, s] of steps.entries()) {
      if (!declaration.check([s.id])) {
        setStep(i)
        return
      }
    }
    setBusy(true)
    setStatus({ text: t('submit.sending'), failed: false })
    const names = form.attachments.map((a) => componentName(a.component))
    const body: Body<'/api/dossiers', 'post'> = {
      procedureCode: procedure.code,
      receivingAgencyId: submission.agency,
      channel: 2,
      applicant: {
        id: 'me',
        kind: 'citizen',
        name: user?.name || 'me',
        identityNumber: null,
        phone: submission.phone.trim() || null,
        email: submission.email.trim() || null,
        address: submission.address.trim() || null,
      },
      components: names.map((name) => ({ name, fileRef: null })),
      declaration: declaration.data(),
      formVersion: form.version,
    }
    try {
      const dossier = await ok(
        client.POST('/api/dossiers', {
          params: { header: { 'idempotency-key': key } },
          body,
        }),
      )
      for (const name of names) {
        const file = submission.files[name]
        if (!file) continue
        setStatus({ text: t('submit.uploading', { name }), failed: false })
        const upload = new FormData()
        upload.append('component', name)
        upload.append('file', file, file.name)
        await ok(
          client.POST('/api/dossiers/{ref}/files', {
            params: { path: { ref: dossier.id } },
            body: upload as never,
            ...asIs,
          }),
        )
      }
      await queries.invalidateQueries({ queryKey: ['my-dossiers'] })
      queries.removeQueries({ queryKey: ['declaration-draft', procedure.code] })
      setFlash(t('submit.done'))
      navigate(`/ho-so-cua-toi/${encodeURIComponent(dossier.id)}`)
    } catch (error) {
      setBusy(false)
      setStatus({ text: errorText(error, lang, t('common.networkError')), failed: true })
      const fields = error instanceof ApiError ? serverErrors(error.problem?.errors ?? []) : []
      if (fields.length === 0) return
      const at = declaration.stepOf(fields.map((f) => f.path))
      if (at >= 0) {
        setStep(at)
        requestAnimationFrame(() => declaration.check([steps[at]?.id as string], fields))
      }
    }
  }

  const title =
    step < steps.length
      ? (steps[step]?.title[lang] ?? '')
      : step === attachmentsStep
        ? t('declaration.attachments')
        : t('declaration.review')
  const titles = [...steps.map((s) => s.title[lang]), t('declaration.attachments'), t('declaration.review')]
  return (
    <FormProvider {...declaration.methods}>
      <form
        className="declaration stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (step === reviewStep) void submit()
          else next()
        }}
      >
        <ol className="steps" aria-label={t('declaration.steps')}>
          {titles.map((s, i) => (
            <li key={s} aria-current={i === step ? 'step' : undefined}>
              {i + 1}. {s}
            </li>
          ))}
        </ol>
        <h2 ref={headingRef as RefObject<HTMLHeadingElement>} tabIndex={-1}>
          {t('declaration.stepOf', { n: step + 1, total, title })}
        </h2>
        <ErrorSummary errors={declaration.errors} summaryRef={declaration.summaryRef} />
        <ErrorSummary errors={otherErrors} summaryRef={otherSummary} />
        {step < steps.length && (
          <DeclarationFields
            form={form}
            stepIds={[steps[step]?.id as string]}
            idPrefix={`d${idPrefix}`}
            errors={declaration.errors}
            prefilled={prefilled}
            stepHeadings={false}
          />
        )}
        {step === attachmentsStep && (
          <SubmissionDetails
            form={form}
            places={places}
            value={submission}
            onChange={setSubmission}
            idPrefix={idPrefix}
            errors={otherErrors}
          />
        )}
        {step === reviewStep && (
          <>
            <p>{t('declaration.reviewHint')}</p>
            <div className="review">
              <Review form={form} data={declaration.data()} communes={communes} onEdit={go} />
              <section aria-labelledby={`${idPrefix}-review-submission`}>
                <h3 id={`${idPrefix}-review-submission`}>{t('declaration.attachments')}</h3>
                <dl>
                  <div>
                    <dt>{t('submit.agency')}</dt>
                    <dd>{places.find((p) => p.id === submission.agency)?.name ?? t('declaration.empty')}</dd>
                  </div>
                  <div>
                    <dt>{t('submit.phone')}</dt>
                    <dd>{submission.phone.trim() || t('declaration.empty')}</dd>
                  </div>
                  {form.attachments.map((slot, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the slots are fixed for the form's life and may repeat a name
                    <div key={i}>
                      <dt>{slot.component}</dt>
                      <dd>{submission.files[componentName(slot.component)]?.name ?? t('declaration.empty')}</dd>
                    </div>
                  ))}
                </dl>
                <button type="button" className="secondary" onClick={() => go(attachmentsStep)}>
                  {t('declaration.edit', { title: t('declaration.attachments') })}
                </button>
              </section>
            </div>
          </>
        )}
        <div className="step-actions">
          {step > 0 && (
            <button type="button" className="secondary" onClick={() => go(step - 1)} disabled={busy}>
              {t('declaration.back')}
            </button>
          )}
          <button
            type="submit"
            className="primary"
            disabled={busy || (step === reviewStep && submission.agency === '')}
          >
            {step === reviewStep ? t('submit.send') : t('declaration.next')}
          </button>
        </div>
        <p role="status" aria-live="polite" className="meta">
          {draftState === 'saving'
            ? t('declaration.draftSaving')
            : draftState === 'saved'
              ? t('declaration.draftSaved')
              : draftState === 'failed'
                ? t('declaration.draftFailed')
                : ''}
        </p>
        <p role={status.failed ? 'alert' : 'status'} className={status.failed ? 'error' : 'result'}>
          {status.text}
        </p>
      </form>
    </FormProvider>
  )
}
