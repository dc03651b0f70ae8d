import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react'
import { api, errorText, newIdempotencyKey } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'
import { Link, useRouter } from '../router.tsx'
import { useSession } from '../session.tsx'
import { takeFlash } from './flash.ts'

/** The part of the server's DossierView (src/http/schemas/dossier-view.ts) this page shows. */
type DossierView = {
  id: string
  code: string | null
  version: number
  status: number
  /** Not in the view yet: shown when the server starts sending it. */
  payment?: { amountVnd?: number | null } | null
  deadlines: { appointmentAt: string | null }
  timeline: { seq: number; type: string; at: string; actor: { name: string } }[]
  components: { name: string; fileRef: string | null }[]
  availableActions: string[]
  files: { sha256: string; component: string; name: string | null; mediaType: string }[]
}

const RESULT_COMPONENT = 'Kết quả giải quyết'
const POLL_MS = 5000

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
  const fileId = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [dossier, setDossier] = useState<DossierView | null>(null)
  const [loadError, setLoadError] = useState('')
  const [message, setMessage] = useState(() => takeFlash() ?? '')
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const { search } = useRouter()
  const outcome = Object.values(PaymentOutcome).find((o: string) => o === search.get('thanh-toan'))
  const base = `/api/dossiers/${encodeURIComponent(id)}`

  const refresh = useCallback(async () => {
    try {
      const view = await api<DossierView>(base)
      setDossier(view)
      setLoadError('')
    } catch (error) {
      setLoadError(errorText(error, lang, t('common.networkError')))
    }
  }, [base, lang, t])

  useEffect(() => {
    setDossier(null)
    void refresh()
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void refresh()
    }, POLL_MS)
    return () => window.clearInterval(timer)
  }, [refresh])

  /** Run one action, then show the dossier as it now stands. */
  const act = async (work: () => Promise<string>) => {
    setBusy(true)
    setFailed(false)
    setMessage(t('mine.working'))
    try {
      setMessage(await work())
    } catch (error) {
      setFailed(true)
      setMessage(errorText(error, lang, t('common.networkError')))
    } finally {
      setBusy(false)
      await refresh()
    }
  }

  const sendSupplement = (event: FormEvent) => {
    event.preventDefault()
    if (!dossier) return
    if (!file) {
      setFailed(true)
      setMessage(t('mine.chooseFile'))
      return
    }
    const current = dossier
    void act(async () => {
      const component = current.components[0]?.name ?? t('mine.supplementDefault')
      const form = new FormData()
      form.append('component', component)
      form.append('file', file, file.name)
      const uploaded = await api<{ sha256: string }>(`${base}/files`, { method: 'POST', form })
      await api(`${base}/supplements`, {
        method: 'POST',
        headers: { 'idempotency-key': newIdempotencyKey() },
        body: {
          expectedVersion: current.version,
          components: [{ name: component, fileRef: uploaded.sha256, digitized: false }],
        },
      })
      setFile(null)
      if (fileInput.current) fileInput.current.value = ''
      return t('mine.supplementDone')
    })
  }

  /** Ask for the gateway's address, then leave for it; the gateway brings the browser back here. */
  const payOnline = async () => {
    if (!dossier) return
    setBusy(true)
    setFailed(false)
    setMessage(t('mine.payRedirecting'))
    try {
      const { paymentId, paymentUrl } = await api<{ paymentId: string; paymentUrl: string }>(
        `${base}/online-payments`,
        { method: 'POST' },
      )
      rememberPayment(dossier.id, paymentId)
      window.location.href = paymentUrl
    } catch (error) {
      setFailed(true)
      setMessage(errorText(error, lang, t('common.networkError')))
      setBusy(false)
    }
  }

  const rate = (satisfaction: Satisfaction) => {
    if (!dossier) return
    const current = dossier
    void act(async () => {
      await api(`${base}/rating`, {
        method: 'POST',
        headers: { 'idempotency-key': newIdempotencyKey() },
        body: { expectedVersion: current.version, satisfaction, comment: '' },
      })
      return t('mine.rated')
    })
  }

  const live = (
    <p role="status" aria-live="polite" className={failed ? 'error' : 'result'}>
      {message}
    </p>
  )
  if (!dossier)
    return (
      <>
        {live}
        <p role="status" aria-live="polite" className={loadError ? 'error' : undefined}>
          {loadError || t('dossier.loading')}
        </p>
        <Link to="/ho-so-cua-toi">{t('mine.back')}</Link>
      </>
    )
  const result = dossier.files.find((f) => f.component === RESULT_COMPONENT)
  const can = (action: string) => dossier.availableActions.includes(action)
  return (
    <article>
      <h1>{t('mine.dossierTitle', { code: dossier.code ?? t('mine.noCode') })}</h1>
      {live}
      {loadError && <p className="error">{loadError}</p>}
      <dl className="facts">
        <dt>{t('mine.status')}</dt>
        <dd>{tx(`status.${dossier.status}`)}</dd>
        <dt>{t('mine.appointmentAt')}</dt>
        <dd>
          {dossier.deadlines.appointmentAt ? formatInstant(dossier.deadlines.appointmentAt) : t('mine.noAppointment')}
        </dd>
      </dl>
      {outcome && <PaymentNotice outcome={outcome} base={base} paymentId={rememberedPayment(dossier.id)} />}
      {dossier.status === 6 && (
        <section>
          <h2>{t('mine.paymentDue')}</h2>
          {typeof dossier.payment?.amountVnd === 'number' && (
            <p>{t('mine.paymentAmount', { amount: dossier.payment.amountVnd.toLocaleString('vi-VN') })}</p>
          )}
          <p>{t('mine.payIntro')}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void payOnline()}>
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
      {can('receive-supplement') && (
        <section>
          <h2>{t('mine.supplement')}</h2>
          <form className="stack" onSubmit={sendSupplement}>
            <label htmlFor={fileId}>{t('mine.supplementFile')}</label>
            <input
              id={fileId}
              ref={fileInput}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <button type="submit" className="primary" disabled={busy}>
              {t('mine.supplementSend')}
            </button>
          </form>
        </section>
      )}
      {can('rate') && (
        <section>
          <h2>{t('mine.rate')}</h2>
          <div className="actions">
            {RATINGS.map(([value, key]) => (
              <button key={value} type="button" disabled={busy} onClick={() => rate(value)}>
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
      <p role="status" className={paid ? 'result' : 'error'}>
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
