import { type FormEvent, useEffect, useId, useState } from 'react'
import { api, errorText, setCsrfToken } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'
import { useRouter } from '../router.tsx'
import { useSession } from '../session.tsx'

const demoRoles = ['counter_officer', 'specialist', 'leader', 'clerk', 'agency_admin', 'provincial_admin', 'monitor']

type AgencyNode = { id: string; name: string; children: AgencyNode[] }

function flatten(nodes: AgencyNode[], depth = 0): { id: string; label: string }[] {
  return nodes.flatMap((n) => [
    { id: n.id, label: `${'— '.repeat(depth)}${n.name}` },
    ...flatten(n.children, depth + 1),
  ])
}

/** Runs a sign-in request, then reloads the session and opens the signed-in person's start page. */
function useSignIn() {
  const { t, lang } = useI18n()
  const { refresh } = useSession()
  const { navigate } = useRouter()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const run = async (path: string, body: unknown, next: string) => {
    setBusy(true)
    setStatus(t('signIn.working'))
    try {
      const { csrfToken } = await api<{ csrfToken: string }>(path, { method: 'POST', body })
      setCsrfToken(csrfToken)
      await refresh()
      setStatus('')
      navigate(next)
    } catch (error) {
      setStatus(errorText(error, lang, t('common.networkError')))
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
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run('/api/auth/login', { username, password }, '/can-bo')
  }
  return (
    <section aria-labelledby={`${userId}-h`}>
      <h2 id={`${userId}-h`}>{t('signIn.officer')}</h2>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={userId}>{t('signIn.username')}</label>
        <input
          id={userId}
          required
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        <input
          id={passwordId}
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
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  )
}

function DemoSignIn() {
  const { t, tx } = useI18n()
  const { run, status, busy } = useSignIn()
  const roleId = useId()
  const agencyId = useId()
  const [role, setRole] = useState('counter_officer')
  const [agency, setAgency] = useState('ttpvhcc-22333')
  const [agencies, setAgencies] = useState<{ id: string; label: string }[]>([])
  useEffect(() => {
    api<AgencyNode[]>('/api/agencies').then(
      (tree) => setAgencies(flatten(tree)),
      () => setAgencies([]),
    )
  }, [])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run('/api/auth/demo-login', { as: role, agencyId: agency }, '/can-bo')
  }
  return (
    <section className="demo" aria-labelledby={`${roleId}-h`}>
      <h2 id={`${roleId}-h`}>{t('signIn.demo')}</h2>
      <p>{t('signIn.demoNote')}</p>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void run('/api/auth/demo-login', { as: 'citizen' }, '/ho-so-cua-toi')}
      >
        {t('signIn.demoCitizen')}
      </button>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={roleId}>{t('signIn.demoRole')}</label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value)}>
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
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  )
}

export function SignInPage() {
  const { t } = useI18n()
  const { user } = useSession()
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {user && <p>{t('signIn.signedInAs', { name: user.name })}</p>}
      <section aria-labelledby="sign-in-citizen">
        <h2 id="sign-in-citizen">{t('signIn.citizen')}</h2>
        <a className="button primary" href="/api/auth/vneid/login">
          {t('signIn.vneid')}
        </a>
      </section>
      <OfficerForm />
      <DemoSignIn />
    </>
  )
}
