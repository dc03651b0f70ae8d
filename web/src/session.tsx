import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react'
import { ApiError, client, ok, setCsrfToken } from './api/client.ts'
import type { paths } from './api/schema.gen.ts'
import { useRouter } from './router.tsx'

type SessionView = paths['/api/auth/session']['get']['responses'][200]['content']['application/json']
export type SessionUser = SessionView['user']
export type Grant = SessionUser['grants'][number]

type Session = {
  /** undefined while the first check runs, null when nobody is signed in. */
  user: SessionUser | null | undefined
  demo: boolean
  refresh: () => Promise<void>
  signOut: () => Promise<void>
}

const SessionContext = createContext<Session | null>(null)
export const sessionKey = ['session'] as const

/**
 * Whether this browser signed in since it last signed out. Public pages ask the server who is signed
 * in only then: an anonymous visitor (most of them) costs no session request and no 401 in the
 * console. Pages that need a session (below) always ask, so a session the hint missed is found there.
 */
const hintKey = 'motcua.signedIn'
function hinted(): boolean {
  try {
    return localStorage.getItem(hintKey) === '1'
  } catch {
    return true
  }
}
function setHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(hintKey, '1')
    else localStorage.removeItem(hintKey)
  } catch {
    // Storage refused (private mode): the session is asked about on every load instead.
  }
}
const sessionPages = /^\/(can-bo|ho-so-cua-toi|dang-nhap|phan-anh-kien-nghi\/cua-toi)(\/|$)|^\/thu-tuc\/[^/]+\/nop$/
const needsSession = (path: string) => sessionPages.test(path)

/** Call before leaving for a sign-in elsewhere (VNeID), so the session is looked up on the way back. */
export const expectSignIn = () => setHint(true)

/** Who is signed in, or null (the server answers 401); the CSRF token travels with every later command. */
async function loadSession(): Promise<SessionView | null> {
  try {
    const view = await ok(client.GET('/api/auth/session'))
    setCsrfToken(view.csrfToken)
    setHint(true)
    return view
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    setCsrfToken(null)
    setHint(false)
    return null
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient()
  const { path } = useRouter()
  const asking = needsSession(path) || hinted()
  const session = useQuery({ queryKey: sessionKey, queryFn: loadSession, staleTime: 60_000, enabled: asking })
  const refresh = useCallback(async () => {
    await queries.fetchQuery({ queryKey: sessionKey, queryFn: loadSession, staleTime: 0 })
  }, [queries])
  const signOut = useCallback(async () => {
    await ok(client.POST('/api/auth/logout'))
    setCsrfToken(null)
    setHint(false)
    // Nothing the signed-in person saw may stay in the cache.
    queries.clear()
    queries.setQueryData(sessionKey, null)
  }, [queries])
  const view = !asking || session.isError ? null : session.data
  const value = useMemo<Session>(
    () => ({
      user: view === undefined ? undefined : (view?.user ?? null),
      demo: view?.demo ?? false,
      refresh,
      signOut,
    }),
    [view, refresh, signOut],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}
