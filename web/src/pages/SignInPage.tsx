import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { agencyTreeQuery } from '../api/agencies.ts'
import { client, errorText, ok, setCsrfToken } from '../api/client.ts'
import type { AgencyNode, Answer, Body } from '../api/types.ts'
import { ErrorSummary, FieldMessage, fieldState, useFieldErrors } from '../forms/field-errors.tsx'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { useRouter } from '../router.tsx'
import { expectSignIn, useSession } from '../session.tsx'

type DemoRole = Body<'/api/auth/demo-login', 'post'>['as']
/** The officer roles the demo offers, in the order of a dossier's path through the office. */
const demoRoles: Exclude<DemoRole, 'citizen'>[] = [
  'counter_officer',
  'specialist',
  'leader',
  'clerk',
  'agency_admin',
  'provincial_admin',
  'monitor',
]

function flatten(nodes: AgencyNode[], depth = 0): { id: string; label: string }[] {
  return nodes.flatMap((n) => [
    { id: n.id, label: `${'— '.repeat(depth)}${n.name}` },
    ...flatten(n.children, depth + 1),
  ])
}

type SignedIn = Answer<'/api/auth/login', 'post'>

/** Runs a sign-in request, then reloads the session and opens the signed-in person's start page. */
function useSignIn() {
  const { t, lang } = useI18n()
  const { refresh } = useSession()
  const { navigate } = useRouter()
  const [status, setStatus] = useState<{ text: string; failed: boolean }>({ text: '', failed: false })
  const [busy, setBusy] = useState(false)
  const run = async (request: () => Promise<SignedIn>, next: string, onError?: (error: unknown) => void) => {
    setBusy(true)
    setStatus({ text: t('signIn.working'), failed: false })
    try {
      const { csrfToken } = await request()
      setCsrfToken(csrfToken)
      await refresh()
      setStatus({ text: '', failed: false })
      navigate(next)
    } catch (error) {
      onError?.(error)
      setStatus({ text: errorText(error, lang, t('common.networkError')), failed: true })
    } finally {
      setBusy(false)
    }
  }
  return { run, status, busy }
}

function OfficerForm() {
  const { t } = useI18n()
  const { run, status, busy } = useSignIn()
  const userId = useId()
  const passwordId = useId()
  const fieldErrors = useFieldErrors()
  const { errors } = fieldErrors
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!fieldErrors.check(event.currentTarget)) return
    void run(
      () => ok(client.POST('/api/auth/login', { body: { username, password } })),
      '/can-bo',
      (error) => fieldErrors.fromProblem(error, { username: userId, password: passwordId }),
    )
  }
  return (
    <section aria-labelledby={`${userId}-h`}>
      <h2 id={`${userId}-h`}>{t('signIn.officer')}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} summaryRef={fieldErrors.summaryRef} />
        <label htmlFor={userId}>{t('signIn.username')}</label>
        <FieldMessage errors={errors} fieldId={userId} />
        <input
          id={userId}
          {...fieldState(errors, userId)}
          required
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        <FieldMessage errors={errors} fieldId={passwordId} />
        <input
          id={passwordId}
          {...fieldState(errors, passwordId)}
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p role={status.failed ? 'alert' : 'status'} className={status.failed ? 'error' : undefined}>
        {status.text}
      </p>
    </section>
  )
}

function DemoSignIn() {
  const { t, tx } = useI18n()
  const { run, status, busy } = useSignIn()
  const roleId = useId()
  const agencyId = useId()
  const [role, setRole] = useState<DemoRole>('counter_officer')
  const [agency, setAgency] = useState('ttpvhcc-22333')
  const agencies = useQuery({ ...agencyTreeQuery, select: (tree) => flatten(tree) }).data ?? []
  const demoLogin = (as: DemoRole, agencyId?: string) => () =>
    ok(client.POST('/api/auth/demo-login', { body: { as, agencyId } }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(demoLogin(role, agency), '/can-bo')
  }
  return (
    <section className="demo" aria-labelledby={`${roleId}-h`}>
      <h2 id={`${roleId}-h`}>{t('signIn.demo')}</h2>
      <p>{t('signIn.demoNote')}</p>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void run(demoLogin('citizen'), '/ho-so-cua-toi')}
      >
        {t('signIn.demoCitizen')}
      </button>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={roleId}>{t('signIn.demoRole')}</label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as DemoRole)}>
          {demoRoles.map((r) => (
            <option key={r} value={r}>
              {tx(`role.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor={agencyId}>{t('signIn.demoAgency')}</label>
        <select id={agencyId} value={agency} onChange={(e) => setAgency(e.target.value)}>
          {agencies.length === 0 && <option value={agency}>{agency}</option>}
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary" disabled={busy}>
          {t('signIn.demoOfficer')}
        </button>
      </form>
      <p role={status.failed ? 'alert' : 'status'} className={status.failed ? 'error' : undefined}>
        {status.text}
      </p>
    </section>
  )
}

export function SignInPage() {
  const { t } = useI18n()
  usePageHead(t('signIn.title'), t('head.signIn'))
  const { user } = useSession()
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {user && <p>{t('signIn.signedInAs', { name: user.name })}</p>}
      <section aria-labelledby="sign-in-citizen">
        <h2 id="sign-in-citizen">{t('signIn.citizen')}</h2>
        <a className="button primary" href="/api/auth/vneid/login" onClick={expectSignIn}>
          {t('signIn.vneid')}
        </a>
      </section>
      <OfficerForm />
      <DemoSignIn />
    </>
  )
}
