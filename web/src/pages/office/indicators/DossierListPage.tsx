import { useI18n } from '../../../i18n/messages.ts'
import { useFormats } from '../../../indicators/format.ts'
import { type Load, useLoad } from '../../../indicators/load.ts'
import { type Period, periodQuery, usePeriod } from '../../../indicators/period.ts'
import { ScrollingTable } from '../../../indicators/ScrollingTable.tsx'
import { type Breakdown, type DossierSet, dossierSets, type IndicatorDossiers } from '../../../indicators/views.ts'
import { Link, useRouter } from '../../../router.tsx'
import { useAgencies } from './agencies.ts'
import { type DossierScope, dossierListUrl } from './dossierLinks.ts'
import { LoadStatus } from './LoadStatus.tsx'

const pageSize = 50
/** Only dossiers received in motcua have an officer's page; imported and demo history do not. */
const motcua = 'motcua'

function DossierTable({ list, caption }: { list: IndicatorDossiers; caption: string }) {
  const { t, tx, formatInstant } = useI18n()
  const f = useFormats()
  return (
    <ScrollingTable label={caption}>
      <table className="numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ind.dossiers.col.code')}</th>
            <th scope="col">{t('ind.col.procedure')}</th>
            <th scope="col">{t('ind.dossiers.col.received')}</th>
            <th scope="col">{t('ind.dossiers.col.deadline')}</th>
            <th scope="col">{t('ind.dossiers.col.ended')}</th>
            <th scope="col">{t('ind.dossiers.col.timeliness')}</th>
            <th scope="col">{t('ind.dossiers.col.supplements')}</th>
            <th scope="col">{t('ind.dossiers.col.origin')}</th>
          </tr>
        </thead>
        <tbody>
          {list.dossiers.map((d) => (
            <tr key={d.code}>
              <th scope="row">
                {d.origin === motcua ? (
                  <Link to={`/can-bo/ho-so/${encodeURIComponent(d.code)}`}>{d.code}</Link>
                ) : (
                  d.code
                )}
              </th>
              <td className="text">{d.procedureCode}</td>
              <td className="text">{formatInstant(d.receivedAt)}</td>
              <td className="text">{d.deadlineAt ? formatInstant(d.deadlineAt) : t('ind.dossiers.noDeadline')}</td>
              <td className="text">{d.endedAt ? formatInstant(d.endedAt) : '—'}</td>
              <td className="text">{tx(`ind.timeliness.${d.timeliness ?? 'open'}`)}</td>
              <td>{f.count(d.supplementRequests)}</td>
              <td className="text">{tx(`ind.origin.${d.origin}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  )
}

function Pager({
  scope,
  period,
  set,
  page,
  total,
}: {
  scope: DossierScope
  period: Period
  set: DossierSet
  page: number
  total: number
}) {
  const { t } = useI18n()
  const f = useFormats()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages === 1) return null
  return (
    <nav className="pager" aria-label={t('ind.dossiers.pages')}>
      {page > 1 && <Link to={dossierListUrl(scope, period, set, page - 1)}>{t('ind.dossiers.previous')}</Link>}
      <span>{t('ind.dossiers.page', { page: f.count(page), pages: f.count(pages) })}</span>
      {page < pages && <Link to={dossierListUrl(scope, period, set, page + 1)}>{t('ind.dossiers.next')}</Link>}
    </nav>
  )
}

/** The name of a field or procedure from a breakdown already computed for the period, else its code. */
function nameIn(load: Load<Breakdown>, key: string | undefined): string | undefined {
  if (key === undefined) return undefined
  return (load.state === 'done' && load.data.rows.find((r) => r.key === key)?.name) || key
}

/** Hồ sơ của một chỉ số: the dossiers behind one figure of an agency, a field or a procedure, 50 a page. */
export function DossierListPage({ agencyId }: { agencyId: string }) {
  const { t, tx } = useI18n()
  const f = useFormats()
  const { search } = useRouter()
  const [period] = usePeriod()
  const asked = search.get('set')
  const set: DossierSet = dossierSets.find((s) => s === asked) ?? 'received'
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1)
  const scope: DossierScope = {
    agencyId,
    field: search.get('field') ?? undefined,
    procedure: search.get('procedure') ?? undefined,
  }
  const list = useLoad<IndicatorDossiers>(
    `/api/indicators/dossiers?${periodQuery(period, {
      agency: agencyId,
      field: scope.field,
      procedure: scope.procedure,
      set,
      limit: String(pageSize),
      offset: String((page - 1) * pageSize),
    })}`,
  )
  const fields = useLoad<Breakdown>(`/api/indicators/breakdown?${periodQuery(period, { agency: agencyId })}`)
  const procedures = useLoad<Breakdown>(
    scope.field ? `/api/indicators/breakdown?${periodQuery(period, { agency: agencyId, field: scope.field })}` : null,
  )
  const agency = useAgencies().find((a) => a.id === agencyId)?.name ?? agencyId
  const scopeText = [
    agency,
    scope.field && t('ind.dossiers.field', { field: nameIn(fields, scope.field) ?? '' }),
    scope.procedure &&
      t('ind.dossiers.procedure', { procedure: `${nameIn(procedures, scope.procedure)} (${scope.procedure})` }),
  ]
    .filter(Boolean)
    .join(' — ')
  const title = t('ind.dossiers.title', { set: tx(`ind.set.${set}`) })
  const caption = t('ind.dossiers.caption', {
    set: tx(`ind.set.${set}`),
    scope: scopeText,
    from: f.day(period.from),
    to: f.day(period.to),
  })
  return (
    <>
      <p>
        <Link
          to={`/can-bo/chi-so/co-quan/${encodeURIComponent(agencyId)}?${periodQuery(period, { field: scope.field })}`}
        >
          {t('ind.dossiers.back', { agency })}
        </Link>
      </p>
      <h1>{title}</h1>
      <p>{scopeText}</p>
      <p className="meta">{t('ind.dossiers.period', { from: f.day(period.from), to: f.day(period.to) })}</p>
      <LoadStatus load={list} />
      {list.state === 'done' &&
        (list.data.total === 0 ? (
          <p>{t('ind.dossiers.empty')}</p>
        ) : (
          <>
            <p>{t('ind.dossiers.total', { total: f.count(list.data.total) })}</p>
            <DossierTable list={list.data} caption={caption} />
            <Pager scope={scope} period={period} set={set} page={page} total={list.data.total} />
          </>
        ))}
    </>
  )
}
