import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { ApiError, api, setCsrfToken } from './api.ts'

export type Grant = { role: string; agencyId: string }
export type SessionUser = { id: string; kind: string; name: string; vneid: boolean; grants: Grant[] }
type SessionView = { user: SessionUser; csrfToken: string; demo: boolean }

type Session = {
  /** undefined while the first check runs, null when nobody is signed in. */
  user: SessionUser | null | undefined
  demo: boolean
  refresh: () => Promise<void>
  signOut: () => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<SessionView | null | undefined>(undefined)
  const refresh = useCallback(async () => {
    try {
      const s = await api<SessionView>('/api/auth/session')
      setCsrfToken(s.csrfToken)
      setView(s)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setCsrfToken(null)
      setView(null)
    }
  }, [])
  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' })
    setCsrfToken(null)
    setView(null)
  }, [])
  useEffect(() => {
    refresh().catch(() => setView(null))
  }, [refresh])
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
