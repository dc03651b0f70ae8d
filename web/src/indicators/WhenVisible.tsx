import { type ReactNode, useEffect, useRef, useState } from 'react'

/**
 * Renders `children` once its place has scrolled into view and the browser is idle: a chart's code
 * (recharts, its own chunk) is neither downloaded nor run while the page's text is still arriving,
 * and never for a reader who does not scroll to it. `fallback` holds the place meanwhile.
 */
export function WhenVisible({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const place = useRef<HTMLDivElement>(null)
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const element = place.current
    if (shown || !element) return
    let idle: number | undefined
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return
        observer.disconnect()
        idle = requestIdleCallback(() => setShown(true), { timeout: 2_000 })
      },
      { rootMargin: '200px' },
    )
    observer.observe(element)
    return () => {
      observer.disconnect()
      if (idle !== undefined) cancelIdleCallback(idle)
    }
  }, [shown])
  return <div ref={place}>{shown ? children : fallback}</div>
}
