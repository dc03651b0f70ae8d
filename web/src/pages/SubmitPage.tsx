import { type FormEvent, useEffect, useId, useState } from 'react'
import { api, errorText, newIdempotencyKey } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'
import { Link, useRouter } from '../router.tsx'
import { useSession } from '../session.tsx'
import { setFlash } from './flash.ts'
import type { ProcedureDetail } from './procedures.ts'

type AgencyNode = { id: string; kind: string; name: string; children: AgencyNode[] }
type Place = { id: string; name: string }
type Created = { id: string }
type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; procedure: ProcedureDetail; places: Place[] }

/** The province's one-stop centre, where provincial procedures are received. */
const PROVINCE_CENTRE = 'ttpvhcc-tinh'

function serviceCentres(nodes: AgencyNode[]): Place[] {
  const out: Place[] = []
  const walk = (list: AgencyNode[]) => {
    for (const n of list) {
      if (n.kind === 'commune_service_center') out.push({ id: n.id, name: n.name })
      walk(n.children ?? [])
    }
  }
  walk(nodes)
  return out
}

function findAgency(nodes: AgencyNode[], id: string): AgencyNode | null {
  for (const n of nodes) {
    if (n.id === id) return n
    const found = findAgency(n.children ?? [], id)
    if (found) return found
  }
  return null
}

/** Document names, once each: the catalogue may list one document twice (original and copy). */
/** The server keeps component names to 500 characters; a long catalogue text is cut the same way everywhere. */
const componentName = (name: string) => name.normalize('NFC').trim().slice(0, 500)
const documentNames = (p: ProcedureDetail) => [...new Set(p.requiredDocuments.map((d) => componentName(d.name)))]

function SubmitForm({ procedure, places }: { procedure: ProcedureDetail; places: Place[] }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const { navigate } = useRouter()
  const agencyId = useId()
  const phoneId = useId()
  const emailId = useId()
  const addressId = useId()
  const fileId = useId()
  const names = documentNames(procedure)
  const [agency, setAgency] = useState(places[0]?.id ?? '')
  const [phone, setPhone] = useState('')
  const [email, setEmail] = useState('')
  const [address, setAddress] = useState('')
  const [files, setFiles] = useState<Record<string, File | undefined>>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [failed, setFailed] = useState(false)
  // One key per attempt at this form: a retry after a lost answer does not create a second dossier.
  const [key] = useState(newIdempotencyKey)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailed(false)
    setMessage(t('submit.sending'))
    try {
      const dossier = await api<Created>('/api/dossiers', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: {
          procedureCode: procedure.code,
          receivingAgencyId: agency,
          channel: 2,
          applicant: {
            id: 'me',
            kind: 'citizen',
            name: user?.name || 'me',
            identityNumber: null,
            phone: phone.trim() || null,
            email: email.trim() || null,
            address: address.trim() || null,
          },
          components: names.map((name) => ({ name, fileRef: null })),
        },
      })
      for (const name of names) {
        const file = files[name]
        if (!file) continue
        setMessage(t('submit.uploading', { name }))
        const form = new FormData()
        form.append('component', name)
        form.append('file', file, file.name)
        await api(`/api/dossiers/${encodeURIComponent(dossier.id)}/files`, { method: 'POST', form })
      }
      setMessage(t('submit.done'))
      setFlash(t('submit.done'))
      navigate(`/ho-so-cua-toi/${encodeURIComponent(dossier.id)}`)
    } catch (error) {
      setFailed(true)
      setMessage(errorText(error, lang, t('common.networkError')))
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={agencyId}>{t('submit.agency')}</label>
      <select id={agencyId} required value={agency} onChange={(e) => setAgency(e.target.value)}>
        {places.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={phoneId}>{t('submit.phone')}</label>
      <input
        id={phoneId}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        pattern="[0-9+ ]{8,20}"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      <label htmlFor={emailId}>{t('submit.email')}</label>
      <input id={emailId} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor={addressId}>{t('submit.address')}</label>
      <input
        id={addressId}
        autoComplete="street-address"
        maxLength={500}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
      />
      {names.length > 0 && (
        <fieldset className="stack">
          <legend>{t('submit.documents')}</legend>
          <p className="meta">{t('submit.documentsHint')}</p>
          {names.map((name, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: names are unique and static for the form's life
            <div key={i} className="stack">
              <label htmlFor={`${fileId}-${i}`}>{name}</label>
              <input
                id={`${fileId}-${i}`}
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                onChange={(e) => setFiles((prev) => ({ ...prev, [name]: e.target.files?.[0] }))}
              />
            </div>
          ))}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={busy || agency === ''}>
        {t('submit.send')}
      </button>
      <p role="status" aria-live="polite" className={failed ? 'error' : 'result'}>
        {message}
      </p>
    </form>
  )
}

export function SubmitPage({ code }: { code: string }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  useEffect(() => {
    let live = true
    setLoad({ state: 'loading' })
    Promise.all([
      api<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}`),
      api<AgencyNode[]>('/api/agencies'),
    ]).then(
      ([procedure, tree]) => {
        if (!live) return
        let places: Place[]
        if (procedure.level === 'commune') places = serviceCentres(tree)
        else {
          const centre = findAgency(tree, PROVINCE_CENTRE)
          places = [{ id: PROVINCE_CENTRE, name: centre?.name ?? t('submit.provinceCentre') }]
        }
        setLoad({ state: 'done', procedure, places })
      },
      (error: unknown) =>
        live && setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    return () => {
      live = false
    }
  }, [code, lang, t])

  const back = <Link to={`/thu-tuc/${encodeURIComponent(code)}`}>{t('common.back')}</Link>
  if (user === undefined) return <p role="status">{t('common.loading')}</p>
  if (user?.kind !== 'citizen')
    return (
      <>
        <p>
          <Link to="/dang-nhap">{t('submit.signIn')}</Link>
        </p>
        {back}
      </>
    )
  if (load.state !== 'done')
    return (
      <>
        <p role="status" aria-live="polite" className={load.state === 'error' ? 'error' : undefined}>
          {load.state === 'loading' ? t('procedure.loading') : load.message}
        </p>
        {back}
      </>
    )
  return (
    <article>
      <h1>{t('submit.title', { name: load.procedure.name })}</h1>
      {load.places.length === 0 ? <p className="error">{t('submit.noAgency')}</p> : null}
      <SubmitForm procedure={load.procedure} places={load.places} />
      <p>{back}</p>
    </article>
  )
}
