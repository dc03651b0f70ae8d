import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import type { Period } from '../../../indicators/period.ts'
import type { DossierSet, Figures } from '../../../indicators/views.ts'
import { Link } from '../../../router.tsx'
import { type DossierScope, dossierListUrl } from './dossierLinks.ts'

const figureOf: Record<DossierSet, (x: Figures) => number> = {
  received: (x) => x.received,
  resolved: (x) => x.resolved,
  late: (x) => x.resolvedLate,
  in_progress: (x) => x.inProgress,
  overdue: (x) => x.inProgressOverdue,
}

/** Danh sách hồ sơ: each headline figure of the scope as a link to the dossiers behind it. */
export function FigureLinks({ figures, scope, period }: { figures: Figures; scope: DossierScope; period: Period }) {
  const { t, tx } = useI18n()
  const f = useFormats()
  const sets = Object.keys(figureOf) as DossierSet[]
  return (
    <nav aria-label={t('ind.dossiers.links')}>
      <h2>{t('ind.dossiers.links')}</h2>
      <ul className="figure-links">
        {sets.map((set) => (
          <li key={set}>
            <Link to={dossierListUrl(scope, period, set)}>
              {t('ind.dossiers.link', { set: tx(`ind.set.${set}`), count: f.count(figureOf[set](figures)) })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
