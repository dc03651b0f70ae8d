import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, lazy, Suspense, useId, useState } from 'react'
import { agencyTreeQuery } from '../api/agencies.ts'
import { asIs, client, errorText, newIdempotencyKey, ok } from '../api/client.ts'
import type { AgencyNode, ProcedureDetail } from '../api/types.ts'
import { formOf } from '../forms/declaration-api.ts'
import { ErrorSummary, FieldMessage, fieldState, useFieldErrors } from '../forms/field-errors.tsx'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { Link, useRouter } from '../router.tsx'
import { useSession } from '../session.tsx'
import { setFlash } from './flash.ts'

type Place = { id: string; name: string }

// The e-form renderer (react-hook-form, the JSON Schema validator, the widgets) is a chunk of its own,
// fetched once the procedure is known to have a declaration.
const CitizenDeclaration = lazy(() => import('../forms/CitizenDeclaration.tsx'))

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
// The server keeps component names to 500 characters; a long catalogue text is cut the same way everywhere. */
const componentName = (name: string) => name.normalize('NFC').trim().slice(0, 500)
const documentNames = (p: ProcedureDetail) => [...new Set(p.requiredDocuments.map((d) => componentName(d.name)))]

function SubmitForm({ procedure, places }: { procedure: ProcedureDetail; places: Place[] }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const { navigate } = useRouter()
  const queries = useQueryClient()
  const fieldErrors = useFieldErrors()
  const { errors } = fieldErrors
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

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!fieldErrors.check(event.currentTarget)) return
    setBusy(true)
    setFailed(false)
    setMessage(t('submit.sending'))
    try {
      const dossier = await ok(
        client.POST('/api/dossiers', {
          params: { header: { 'idempotency-key': key } },
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
        }),
      )
      for (const name of names) {
        const file = files[name]
        if (!file) continue
        setMessage(t('submit.uploading', { name }))
        const form = new FormData()
        form.append('component', name)
        form.append('file', file, file.name)
        await ok(
          client.POST('/api/dossiers/{ref}/files', {
            params: { path: { ref: dossier.id } },
            body: form as never,
            ...asIs,
          }),
        )
      }
      await queries.invalidateQueries({ queryKey: ['my-dossiers'] })
      setMessage(t('submit.done'))
      setFlash(t('submit.done'))
      navigate(`/ho-so-cua-toi/${encodeURIComponent(dossier.id)}`)
    } catch (error) {
      fieldErrors.fromProblem(error, {
        phone: phoneId,
        email: emailId,
        address: addressId,
        receivingAgencyId: agencyId,
      })
      setFailed(true)
      setMessage(errorText(error, lang, t('common.networkError')))
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} summaryRef={fieldErrors.summaryRef} />
      <label htmlFor={agencyId}>{t('submit.agency')}</label>
      <FieldMessage errors={errors} fieldId={agencyId} />
      <select
        id={agencyId}
        required
        value={agency}
        onChange={(e) => setAgency(e.target.value)}
        {...fieldState(errors, agencyId)}
      >
        {places.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={phoneId}>{t('submit.phone')}</label>
      <FieldMessage errors={errors} fieldId={phoneId} />
      <input
        id={phoneId}
        {...fieldState(errors, phoneId)}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        pattern="[0-9+ ]{8,20}"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      <label htmlFor={emailId}>{t('submit.email')}</label>
      <FieldMessage errors={errors} fieldId={emailId} />
      <input
        id={emailId}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        {...fieldState(errors, emailId)}
      />
      <label htmlFor={addressId}>{t('submit.address')}</label>
      <FieldMessage errors={errors} fieldId={addressId} />
      <input
        id={addressId}
        {...fieldState(errors, addressId)}
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
      <p role={failed ? 'alert' : 'status'} className={failed ? 'error' : 'result'}>
        {message}
      </p>
    </form>
  )
}

/** Where this procedure is received: the province's centre, or (commune level) any commune's centre. */
function placesFor(procedure: ProcedureDetail, tree: AgencyNode[], provinceCentreName: string): Place[] {
  if (procedure.level === 'commune') return serviceCentres(tree)
  const centre = findAgency(tree, PROVINCE_CENTRE)
  return [{ id: PROVINCE_CENTRE, name: centre?.name ?? provinceCentreName }]
}

export function SubmitPage({ code }: { code: string }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const procedure = useQuery({
    queryKey: ['procedure', code],
    queryFn: () => ok(client.GET('/api/procedures/{code}', { params: { path: { code } } })),
  })
  const tree = useQuery(agencyTreeQuery)
  usePageHead(procedure.data ? t('submit.title', { name: procedure.data.name }) : null, null)
  const failure = procedure.error ?? tree.error
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
  if (!procedure.data || !tree.data)
    return (
      <>
        {failure ? (
          <p role="alert" className="error">
            {errorText(failure, lang, t('common.networkError'))}
          </p>
        ) : (
          <p role="status">{t('procedure.loading')}</p>
        )}
        {back}
      </>
    )
  const places = placesFor(procedure.data, tree.data, t('submit.provinceCentre'))
  const form = formOf(procedure.data)
  return (
    <article>
      <h1>{t('submit.title', { name: procedure.data.name })}</h1>
      {places.length === 0 ? (
        <p role="alert" className="error">
          {t('submit.noAgency')}
        </p>
      ) : null}
      {form ? (
        <Suspense fallback={<p role="status">{t('declaration.loading')}</p>}>
          <CitizenDeclaration procedure={procedure.data} form={form} places={places} />
        </Suspense>
      ) : (
        <SubmitForm procedure={procedure.data} places={places} />
      )}
      <p>{back}</p>
    </article>
  )
}
