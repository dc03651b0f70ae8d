import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useRef, useState } from 'react'
import { asIs, client, errorText, newIdempotencyKey, ok } from '../api/client.ts'
import type { DossierView } from '../api/types.ts'
import { ErrorSummary, FieldMessage, fieldState, useFieldErrors } from '../forms/field-errors.tsx'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { Link, useRouter } from '../router.tsx'
import { useSession } from '../session.tsx'
import { CorrectionForm } from './CorrectionForm.tsx'
import { Apology, ReceptionGuidance, Withdrawal } from './DossierNotices.tsx'
import { takeFlash } from './flash.ts'

const RESULT_COMPONENT = 'Kết quả giải quyết'

/** What the dossier view offers the applicant (availableActions decides; this page only shows it). */
const Offer = {
  PayOnline: 'pay-online',
  AttachFile: 'attach-file',
  Supplement: 'receive-supplement',
  Rate: 'rate',
  /** Before reception: the dossier is taken back at once. */
  Withdraw: 'withdraw',
  /** After reception: the agency is asked to stop, and decides (form 05). */
  RequestWithdrawal: 'request-withdrawal',
} as const

/** What the gateway's return says (`?thanh-toan=`), as src/http/routes/payments.ts redirects. */
const PaymentOutcome = { Paid: 'thanh-cong', Failed: 'khong-thanh-cong' } as const
type PaymentOutcome = (typeof PaymentOutcome)[keyof typeof PaymentOutcome]

/**
 * The payment id outlives the trip to the gateway in this tab's session storage: the dossier view
 * does not carry it, and the receipt's address needs it.
 */
const paymentKey = (dossierId: string) => `motcua.payment.${dossierId}`
function rememberPayment(dossierId: string, paymentId: string): void {
  try {
    sessionStorage.setItem(paymentKey(dossierId), paymentId)
  } catch {
    // Storage refused (private mode, quota): the payment goes on, only the receipt link is lost.
  }
}
function rememberedPayment(dossierId: string): string | null {
  try {
    return sessionStorage.getItem(paymentKey(dossierId))
  } catch {
    return null
  }
}

type Satisfaction = 'very_satisfied' | 'satisfied' | 'not_satisfied'
const RATINGS = [
  ['very_satisfied', 'mine.rateVery'],
  ['satisfied', 'mine.rateOk'],
  ['not_satisfied', 'mine.rateNot'],
] as const

function Dossier({ id }: { id: string }) {
  const { t, tx, lang, formatInstant } = useI18n()
  const queries = useQueryClient()
  const fileId = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const fieldErrors = useFieldErrors()
  const { errors } = fieldErrors
  const [flash] = useState(() => takeFlash() ?? '')
  const [file, setFile] = useState<File | null>(null)
  const { search } = useRouter()
  const outcome = Object.values(PaymentOutcome).find((o: string) => o === search.get('thanh-toan'))
  const base = `/api/dossiers/${encodeURIComponent(id)}`
  const key = ['dossier', id]
  const view = useQuery({
    queryKey: key,
    queryFn: () => ok(client.GET('/api/dossiers/{ref}', { params: { path: { ref: id } } })),
  })
  const dossier = view.data
  usePageHead(dossier ? t('mine.dossierTitle', { code: dossier.code ?? t('mine.noCode') }) : null, null)

  /** Every command ends by showing the dossier as it now stands (and the list it appears in). */
  const settled = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: key }),
      queries.invalidateQueries({ queryKey: ['my-dossiers'] }),
    ])

  const supplement = useMutation({
    mutationFn: async ({ current, upload }: { current: DossierView; upload: File }) => {
      const component = current.components[0]?.name ?? t('mine.supplementDefault')
      const form = new FormData()
      form.append('component', component)
      form.append('file', upload, upload.name)
      const uploaded = await ok(
        client.POST('/api/dossiers/{ref}/files', { params: { path: { ref: id } }, body: form as never, ...asIs }),
      )
      await ok(
        client.POST('/api/dossiers/{ref}/supplements', {
          params: { path: { ref: id }, header: { 'idempotency-key': newIdempotencyKey() } },
          body: {
            expectedVersion: current.version,
            components: [{ name: component, fileRef: uploaded.sha256, digitized: false }],
          },
        }),
      )
    },
    onSuccess: () => {
      setFile(null)
      if (fileInput.current) fileInput.current.value = ''
    },
    onSettled: settled,
  })

  /** Ask for the gateway's address, then leave for it; the gateway brings the browser back here. */
  const payOnline = useMutation({
    mutationFn: () => ok(client.POST('/api/dossiers/{ref}/online-payments', { params: { path: { ref: id } } })),
    onSuccess: ({ paymentId, paymentUrl }) => {
      rememberPayment(id, paymentId)
      window.location.href = paymentUrl
    },
  })

  const rating = useMutation({
    mutationFn: ({ current, satisfaction }: { current: DossierView; satisfaction: Satisfaction }) =>
      ok(
        client.POST('/api/dossiers/{ref}/rating', {
          params: { path: { ref: id }, header: { 'idempotency-key': newIdempotencyKey() } },
          body: { expectedVersion: current.version, satisfaction, comment: '' },
        }),
      ),
    onSettled: settled,
  })

  const withdrawal = useMutation({
    mutationFn: ({ current, request, reason }: { current: DossierView; request: boolean; reason: string }) => {
      const params = { path: { ref: id }, header: { 'idempotency-key': newIdempotencyKey() } }
      const body = { expectedVersion: current.version, reason }
      return ok(
        request
          ? client.POST('/api/dossiers/{ref}/withdrawal-requests', { params, body })
          : client.POST('/api/dossiers/{ref}/withdrawal', { params, body }),
      )
    },
    onSettled: settled,
  })

  const sendSupplement = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!dossier || !fieldErrors.check(event.currentTarget) || !file) return
    supplement.mutate({ current: dossier, upload: file })
  }

  const busy = supplement.isPending || payOnline.isPending || rating.isPending || withdrawal.isPending
  const failure = supplement.error ?? payOnline.error ?? rating.error ?? withdrawal.error
  const progress =
    supplement.isPending || withdrawal.isPending
      ? t('mine.working')
      : payOnline.isPending || payOnline.isSuccess
        ? t('mine.payRedirecting')
        : rating.isPending
          ? t('mine.working')
          : supplement.isSuccess
            ? t('mine.supplementDone')
            : rating.isSuccess
              ? t('mine.rated')
              : withdrawal.isSuccess
                ? t(withdrawal.variables.request ? 'mine.withdrawalRequested' : 'mine.withdrawn')
                : flash
  const live = failure ? (
    <p role="alert" className="error">
      {errorText(failure, lang, t('common.networkError'))}
    </p>
  ) : (
    <p role="status" aria-live="polite" className="result">
      {progress}
    </p>
  )
  if (!dossier)
    return (
      <>
        {live}
        {view.isError ? (
          <p role="alert" className="error">
            {errorText(view.error, lang, t('common.networkError'))}
          </p>
        ) : (
          <p role="status">{t('dossier.loading')}</p>
        )}
        <Link to="/ho-so-cua-toi">{t('mine.back')}</Link>
      </>
    )
  const result = dossier.files.find((f) => f.component === RESULT_COMPONENT)
  const can = (action: string) => dossier.availableActions.includes(action)
  return (
    <article>
      <h1>{t('mine.dossierTitle', { code: dossier.code ?? t('mine.noCode') })}</h1>
      {live}
      {view.isRefetchError && (
        <p role="alert" className="error">
          {errorText(view.error, lang, t('common.networkError'))}
        </p>
      )}
      <dl className="facts">
        <dt>{t('mine.status')}</dt>
        <dd>{tx(`status.${dossier.status}`)}</dd>
        <dt>{t('mine.appointmentAt')}</dt>
        <dd>
          {dossier.deadlines.appointmentAt ? formatInstant(dossier.deadlines.appointmentAt) : t('mine.noAppointment')}
        </dd>
      </dl>
      {outcome && <PaymentNotice outcome={outcome} base={base} paymentId={rememberedPayment(dossier.id)} />}
      <ReceptionGuidance dossier={dossier} />
      <Withdrawal dossier={dossier} />
      <Apology dossier={dossier} />
      {can(Offer.PayOnline) && (
        <section>
          <h2>{t('mine.paymentDue')}</h2>
          {dossier.payment && (
            <p>{t('mine.paymentAmount', { amount: dossier.payment.amountVnd.toLocaleString('vi-VN') })}</p>
          )}
          <p>{t('mine.payIntro')}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => payOnline.mutate()}>
            {t('mine.payOnline')}
          </button>
        </section>
      )}
      {result && (
        <>
          <h2>{t('mine.result')}</h2>
          <p>
            <a href={`${base}/files/${encodeURIComponent(result.sha256)}`} download={result.name ?? undefined}>
              {t('mine.download')}
            </a>
          </p>
        </>
      )}
      {dossier.declaration && (
        <p>
          <a href={`${base}/declaration.pdf`} download>
            {t('mine.declarationPdf')}
          </a>
        </p>
      )}
      {can(Offer.Supplement) && dossier.correctionFields.length > 0 && (
        <section>
          <h2>{t('mine.correction')}</h2>
          <CorrectionForm dossier={dossier} onDone={settled} />
        </section>
      )}
      {can(Offer.Supplement) && can(Offer.AttachFile) && dossier.correctionFields.length === 0 && (
        <section>
          <h2>{t('mine.supplement')}</h2>
          <form className="stack" onSubmit={sendSupplement} noValidate>
            <ErrorSummary errors={errors} summaryRef={fieldErrors.summaryRef} />
            <label htmlFor={fileId}>{t('mine.supplementFile')}</label>
            <FieldMessage errors={errors} fieldId={fileId} />
            <input
              id={fileId}
              ref={fileInput}
              type="file"
              required
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              {...fieldState(errors, fileId)}
            />
            <button type="submit" className="primary" disabled={busy}>
              {t('mine.supplementSend')}
            </button>
          </form>
        </section>
      )}
      {(can(Offer.Withdraw) || can(Offer.RequestWithdrawal)) && (
        <WithdrawalForm
          request={can(Offer.RequestWithdrawal)}
          busy={busy}
          onSubmit={(reason) => withdrawal.mutate({ current: dossier, request: can(Offer.RequestWithdrawal), reason })}
        />
      )}
      {can(Offer.Rate) && (
        <section>
          <h2>{t('mine.rate')}</h2>
          <div className="actions">
            {RATINGS.map(([value, key]) => (
              <button
                key={value}
                type="button"
                disabled={busy}
                onClick={() => rating.mutate({ current: dossier, satisfaction: value })}
              >
                {t(key)}
              </button>
            ))}
          </div>
        </section>
      )}
      <h2>{t('mine.timeline')}</h2>
      {dossier.timeline.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ol className="timeline">
          {dossier.timeline.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{formatInstant(e.at)}</time> — {tx(`event.${e.type}`)}
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to="/ho-so-cua-toi">{t('mine.back')}</Link>
      </p>
    </article>
  )
}

/**
 * Rút hồ sơ: before reception the applicant takes the dossier back at once (the reason may be left
 * blank); after it, đề nghị dừng giải quyết hồ sơ asks the agency, which decides (the reason is required).
 */
function WithdrawalForm({
  request,
  busy,
  onSubmit,
}: {
  /** After reception: a request the agency decides. */
  request: boolean
  busy: boolean
  onSubmit: (reason: string) => void
}) {
  const { t } = useI18n()
  const reasonId = useId()
  const headingId = useId()
  const fieldErrors = useFieldErrors()
  const [reason, setReason] = useState('')
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (fieldErrors.check(event.currentTarget)) onSubmit(reason.trim())
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(request ? 'mine.requestWithdrawal' : 'mine.withdraw')}</h2>
      <p>{t(request ? 'mine.requestWithdrawalIntro' : 'mine.withdrawIntro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={fieldErrors.errors} summaryRef={fieldErrors.summaryRef} />
        <label htmlFor={reasonId}>{t(request ? 'mine.withdrawalReason' : 'mine.withdrawReason')}</label>
        <FieldMessage errors={fieldErrors.errors} fieldId={reasonId} />
        <textarea
          id={reasonId}
          rows={3}
          maxLength={2000}
          required={request}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...fieldState(fieldErrors.errors, reasonId)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t(request ? 'mine.requestWithdrawalSend' : 'mine.withdrawSend')}
        </button>
      </form>
    </section>
  )
}

/** The outcome the gateway reported on the way back, with the e-receipt once paid. */
function PaymentNotice({
  outcome,
  base,
  paymentId,
}: {
  outcome: PaymentOutcome
  base: string
  paymentId: string | null
}) {
  const { t } = useI18n()
  const paid = outcome === PaymentOutcome.Paid
  return (
    <section className={paid ? 'payment-outcome paid' : 'payment-outcome failed'}>
      <p role={paid ? 'status' : 'alert'} className={paid ? 'result' : 'error'}>
        {paid ? t('mine.paySucceeded') : t('mine.payFailed')}
      </p>
      {paid && paymentId && (
        <p>
          <a href={`${base}/online-payments/${encodeURIComponent(paymentId)}/receipt`} download>
            {t('mine.payReceipt')}
          </a>
        </p>
      )}
    </section>
  )
}

export function MyDossierPage({ id }: { id: string }) {
  const { t } = useI18n()
  const { user } = useSession()
  if (user === undefined) return <p role="status">{t('common.loading')}</p>
  if (user?.kind !== 'citizen')
    return (
      <p>
        <Link to="/dang-nhap">{t('vault.signIn')}</Link>
      </p>
    )
  return <Dossier id={id} />
}
