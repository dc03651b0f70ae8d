import type { ReactNode } from 'react'

/**
 * A message the page announces: a failure as role="alert" (read at once), progress and success as
 * role="status" (read when the reader is idle). `className` applies to both; failures are also styled.
 */
export function Announcement({
  failed,
  className,
  children,
}: {
  failed: boolean
  className?: string
  children: ReactNode
}) {
  if (failed)
    return (
      <p role="alert" className={['error', className].filter(Boolean).join(' ')}>
        {children}
      </p>
    )
  return (
    <p role="status" aria-live="polite" className={className}>
      {children}
    </p>
  )
}
