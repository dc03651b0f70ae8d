import type { ReactNode } from 'react'
import { Link } from '../../router.tsx'

/** Links to the forms of the round's units the officer belongs to (their own unit's self-assessment). */
export function OwnUnitLinks({
  roundId,
  units,
  own,
  children,
}: {
  roundId: string
  units: readonly { id: string; name: string }[]
  own: ReadonlySet<string>
  children?: ReactNode
}) {
  return (
    <ul className="plain">
      {units
        .filter((u) => own.has(u.id))
        .map((u) => (
          <li key={u.id}>
            <Link to={`/can-bo/chi-so-cchc/${roundId}/don-vi/${encodeURIComponent(u.id)}`}>{u.name}</Link>
          </li>
        ))}
      {children}
    </ul>
  )
}
