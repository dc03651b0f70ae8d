import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, lazy, Suspense, useEffect, useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { agencyTreeQuery, ownCommuneOf } from '../../api/agencies.ts'
import { ApiError, client, errorText, newIdempotencyKey, ok } from '../../api/client.ts'
import type { Answer, ProcedureDetail } from '../../api/types.ts'
import { formOf } from '../../forms/declaration-api.ts'
import { type MessageKey, useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'
import type { Grant } from '../../session.tsx'
import { type Reception, ReceptionChoices, receptionBody, walkInReception } from './ReceptionChoices.tsx'

type Created = Answer<'/api/dossiers', 'post'>

// The e-form renderer is the citizen's own (one chunk for both), loaded when a procedure with a form is chosen.
const CounterDeclaration = lazy(() => import('../../forms/CounterDeclaration.tsx'))

function TextField({
  label,
  value,
  onChange,
  required = false,
  type = 'text',
  pattern,
  autoComplete,
}: {
  label: MessageKey
  value: string
  onChange: (v: string) => void
  required?: boolean
  type?: string
  pattern?: string
  autoComplete?: string
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="form-field">
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        pattern={pattern}
        autoComplete={autoComplete}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  )
}

/** Search the catalogue and pick one procedure; its required documents come with it. */
function ProcedurePicker({ onPick }: { onPick: (p: ProcedureDetail) => void }) {
  const { t, lang } = useI18n()
  const id = useId()
  const queries = useQueryClient()
  const [q, setQ] = useState('')
  const [settled, setSettled] = useState('')
  const [pickError, setPickError] = useState<unknown>(null)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(q.trim()), 250)
    return () => window.clearTimeout(timer)
  }, [q])
  const search = useQuery({
    queryKey: ['procedures', { q: settled, pageSize: 10 }],
    queryFn: () => ok(client.GET('/api/procedures', { params: { query: { q: settled, page: 1, pageSize: 10 } } })),
    enabled: settled !== '',
  })
  const pick = (code: string) => {
    setPickError(null)
    queries
      .fetchQuery({
        queryKey: ['procedure', code],
        queryFn: () => ok(client.GET('/api/procedures/{code}', { params: { path: { code } } })),
      })
      .then(onPick, setPickError)
  }
  const failure = pickError ?? search.error
  const items = settled ? search.data?.items : undefined
  return (
    <div>
      <div className="form-field">
        <label htmlFor={id}>{t('walkIn.procedure')}</label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      </div>
      <Announcement failed={Boolean(failure)}>
        {failure
          ? errorText(failure, lang, t('common.networkError'))
          : !settled
            ? ''
            : !items
              ? t('search.loading')
              : items.length
                ? t('search.count', { total: items.length })
                : t('search.none')}
      </Announcement>
      {items && items.length > 0 && (
        <ul className="actions">
          {items.map((p) => (
            <li key={p.code}>
              <button type="button" className="secondary" onClick={() => pick(p.code)}>
                {p.name}
              </button>{' '}
              <span className="meta">
                {p.code} · {p.fieldName}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** What the page says once the dossier exists: received with its code, or registered for the check. */
function createdText(dossier: Created, t: ReturnType<typeof useI18n>['t']): string {
  return dossier.code ? t('walkIn.done', { code: dossier.code }) : t('walkIn.registered')
}

/**
 * A counter officer takes in a dossier handed in at the counter (channel 1) or come by post (channel 3):
 * received at once with its code, or registered to be checked first (then received, guided or refused
 * on its dossier page).
 */
export function WalkInPage({ grants }: { grants: Grant[] }) {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const agencyFieldId = useId()
  const counters = [...new Set(grants.filter((g) => g.role === 'counter_officer').map((g) => g.agencyId))]
  const [agencyId, setAgencyId] = useState(counters[0] ?? '')
  const tree = useQuery(agencyTreeQuery).data
  const ownCommune = tree ? ownCommuneOf(tree, agencyId) : null
  const [reception, setReception] = useState<Reception>(walkInReception)
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null)
  const [name, setName] = useState('')
  const [identity, setIdentity] = useState('')
  const [phone, setPhone] = useState('')
  const [address, setAddress] = useState('')
  const [checked, setChecked] = useState<Set<number>>(new Set())
  const [key, setKey] = useState(newIdempotencyKey)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false })
  const [created, setCreated] = useState<Created | null>(null)

  if (counters.length === 0)
    return (
      <>
        <h1>{t('walkIn.title')}</h1>
        <p>{t('walkIn.notCounter')}</p>
      </>
    )

  const choose = (p: ProcedureDetail) => {
    setProcedure(p)
    setReception((r) => ({ ...r, competentAgencyId: null }))
    setChecked(new Set())
    setKey(newIdempotencyKey())
  }
  const toggle = (i: number) =>
    setChecked((prev) => {
      const next = new Set(prev)
      if (next.has(i)) next.delete(i)
      else next.add(i)
      return next
    })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!procedure) return
    setBusy(true)
    setStatus({ text: t('dossier.working'), error: false })
    const orNull = (v: string) => (v.trim() ? v.trim() : null)
    try {
      const dossier = await ok(
        client.POST('/api/dossiers', {
          params: { header: { 'idempotency-key': key } },
          body: {
            procedureCode: procedure.code,
            receivingAgencyId: agencyId,
            ...receptionBody(reception, procedure, ownCommune),
            applicant: {
              id: 'walk-in',
              kind: 'citizen',
              name: name.trim(),
              identityNumber: orNull(identity),
              phone: orNull(phone),
              email: null,
              address: orNull(address),
            },
            components: procedure.requiredDocuments
              .filter((_, i) => checked.has(i))
              .map((d) => ({ name: d.name, fileRef: null })),
          },
        }),
      )
      await queries.invalidateQueries({ queryKey: ['queue'] })
      setCreated(dossier)
      setStatus({ text: createdText(dossier, t), error: false })
    } catch (error) {
      setStatus({ text: errorText(error, lang, t('common.networkError')), error: true })
      // An answered refusal is remembered for its key: the corrected attempt is a new one.
      if (error instanceof ApiError) setKey(newIdempotencyKey())
    } finally {
      setBusy(false)
    }
  }
  const again = () => {
    setCreated(null)
    setProcedure(null)
    setReception(walkInReception)
    setName('')
    setIdentity('')
    setPhone('')
    setAddress('')
    setChecked(new Set())
    setKey(newIdempotencyKey())
    setStatus({ text: '', error: false })
  }
  const ref = created ? encodeURIComponent(created.code ?? created.id) : ''
  const form = procedure ? formOf(procedure) : null
  const choices = procedure && (
    <ReceptionChoices
      procedure={procedure}
      agencyId={agencyId}
      ownCommune={ownCommune}
      value={reception}
      onChange={setReception}
    />
  )
  return (
    <>
      <h1>{t('walkIn.title')}</h1>
      {created ? (
        <section aria-labelledby="walk-in-result">
          <h2 id="walk-in-result">
            {created.code ? t('walkIn.code', { code: created.code }) : t('walkIn.registeredTitle')}
          </h2>
          <ul>
            {created.code && (
              <li>
                <a href={`/api/dossiers/${ref}/forms/01`} target="_blank" rel="noopener">
                  {t('office.printReceipt')}
                </a>
              </li>
            )}
            <li>
              <Link to={`/can-bo/ho-so/${ref}`}>{t(created.code ? 'walkIn.openDossier' : 'walkIn.checkDossier')}</Link>
            </li>
          </ul>
          <button type="button" className="secondary" onClick={again}>
            {t('walkIn.another')}
          </button>
        </section>
      ) : (
        <>
          {counters.length > 1 && (
            <div className="form-field">
              <label htmlFor={agencyFieldId}>{t('walkIn.counter')}</label>
              <select id={agencyFieldId} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                {counters.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </div>
          )}
          {procedure ? (
            <p>
              {t('walkIn.chosen', { name: procedure.name, code: procedure.code })}{' '}
              <button type="button" className="link-button" onClick={() => setProcedure(null)}>
                {t('walkIn.change')}
              </button>
            </p>
          ) : (
            <ProcedurePicker onPick={choose} />
          )}
          {procedure && form && (
            <Suspense fallback={<p role="status">{t('declaration.loading')}</p>}>
              <CounterDeclaration
                key={`${procedure.code}-${key}`}
                procedure={procedure}
                form={form}
                agencyId={agencyId}
                reception={receptionBody(reception, procedure, ownCommune)}
                choices={choices}
                onCreated={(dossier) => {
                  setCreated(dossier)
                  setStatus({ text: createdText(dossier, t), error: false })
                }}
              />
            </Suspense>
          )}
          {procedure && !form && (
            <form onSubmit={(e) => void submit(e)}>
              {choices}
              <fieldset>
                <legend>{t('walkIn.applicant')}</legend>
                <TextField label="walkIn.name" value={name} onChange={setName} required autoComplete="name" />
                <TextField
                  label="walkIn.identity"
                  value={identity}
                  onChange={setIdentity}
                  pattern="[0-9A-Za-z]{6,20}"
                  autoComplete="off"
                />
                <TextField label="walkIn.phone" value={phone} onChange={setPhone} type="tel" pattern="[0-9+ ]{8,20}" />
                <TextField label="walkIn.address" value={address} onChange={setAddress} autoComplete="street-address" />
              </fieldset>
              <fieldset>
                <legend>{t('walkIn.documents')}</legend>
                {procedure.requiredDocuments.length === 0 ? (
                  <p>{t('common.none')}</p>
                ) : (
                  procedure.requiredDocuments.map((d, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: documents have no id and may repeat a name
                    <div key={i} className="check">
                      <label>
                        <input type="checkbox" checked={checked.has(i)} onChange={() => toggle(i)} /> {d.name}
                      </label>
                    </div>
                  ))
                )}
              </fieldset>
              <button type="submit" className="primary" disabled={busy}>
                {t(reception.receiveNow ? 'walkIn.submit' : 'walkIn.register')}
              </button>
            </form>
          )}
        </>
      )}
      <Announcement failed={status.error}>{status.text}</Announcement>
    </>
  )
}
