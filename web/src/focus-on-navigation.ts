import { useEffect, useRef } from 'react'

/** How long to wait for a page that loads its data before it shows its heading. */
const headingWaitMs = 10_000

/** Focuses the page's visible h1; false while there is none (a page still loading, or the one it replaces hidden by Suspense). */
function focusHeading(main: HTMLElement): boolean {
  const heading = Array.from(main.querySelectorAll('h1')).find((h) => h.getClientRects().length > 0)
  if (!heading) return false
  heading.tabIndex = -1
  heading.focus()
  return document.activeElement === heading
}

/**
 * After a client-side navigation (not the first load), focus moves to the new page's h1, so a screen
 * reader announces where the person arrived and the next Tab starts from the page's content.
 */
export function useFocusOnNavigation(path: string): void {
  const previous = useRef<string | null>(null)
  useEffect(() => {
    const first = previous.current === null
    if (previous.current === path) return
    previous.current = path
    const main = document.getElementById('main')
    if (first || !main || focusHeading(main)) return
    const observer = new MutationObserver(() => {
      if (focusHeading(main)) observer.disconnect()
    })
    observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] })
    const timer = window.setTimeout(() => observer.disconnect(), headingWaitMs)
    return () => {
      observer.disconnect()
      window.clearTimeout(timer)
    }
  }, [path])
}
