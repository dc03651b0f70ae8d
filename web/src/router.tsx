import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react'

type Location = { path: string; search: URLSearchParams }
type Router = Location & { navigate: (to: string) => void }

const RouterContext = createContext<Router | null>(null)

const current = (): Location => ({
  path: window.location.pathname,
  search: new URLSearchParams(window.location.search),
})

/** A pathname router on the History API: enough for a handful of pages, no library. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current)
  useEffect(() => {
    const onPop = () => setLocation(current())
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', to)
    setLocation(current())
    window.scrollTo(0, 0)
  }, [])
  const value = useMemo(() => ({ ...location, navigate }), [location, navigate])
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>
}

export function useRouter(): Router {
  const router = useContext(RouterContext)
  if (!router) throw new Error('useRouter outside RouterProvider')
  return router
}

/** `/thu-tuc/:code` against `/thu-tuc/1.001193` gives `{ code: '1.001193' }`; no match gives null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/')
  const got = (path.length > 1 ? path.replace(/\/+$/, '') : path).split('/')
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? ''
    if (part.startsWith(':')) {
      if (value === '') return null
      params[part.slice(1)] = decodeURIComponent(value)
    } else if (part !== value) return null
  }
  return params
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }

export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const { navigate, path } = useRouter()
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={to} onClick={handle} aria-current={path === to ? 'page' : undefined} {...rest}>
      {children}
    </a>
  )
}
