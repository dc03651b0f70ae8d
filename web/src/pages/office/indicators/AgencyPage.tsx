import { useI18n } from '../../../i18n/messages.ts'
import { useLoad } from '../../../indicators/load.ts'
import { OverviewSections } from '../../../indicators/OverviewSections.tsx'
import { PeriodPicker } from '../../../indicators/PeriodPicker.tsx'
import { periodQuery, usePeriod } from '../../../indicators/period.ts'
import type { Breakdown, Overview } from '../../../indicators/views.ts'
import { Link, useRouter } from '../../../router.tsx'
import { dossierListUrl } from './dossierLinks.ts'
import { FigureLinks } from './FigureLinks.tsx'
import { officePresets } from './IndicatorsPage.tsx'
import { LoadStatus } from './LoadStatus.tsx'
import { SummaryTable } from './SummaryTable.tsx'

/** One agency: its overview, its fields, and the procedures of the field chosen (`?field=`). */
export function AgencyPage({ agencyId }: { agencyId: string }) {
  const { t } = useI18n()
  const { path, search } = useRouter()
  const [period, setPeriod] = usePeriod()
  const fieldId = search.get('field') ?? undefined
  const overview = useLoad<Overview>(`/api/indicators/overview?${periodQuery(period, { agency: agencyId })}`)
  const fields = useLoad<Breakdown>(`/api/indicators/breakdown?${periodQuery(period, { agency: agencyId })}`)
  const procedures = useLoad<Breakdown>(
    fieldId ? `/api/indicators/breakdown?${periodQuery(period, { agency: agencyId, field: fieldId })}` : null,
  )
  const agencyName = (overview.state === 'done' && overview.data.agency?.name) || agencyId
  const fieldName =
    (fields.state === 'done' && fields.data.rows.find((r) => r.key === fieldId)?.name) || (fieldId ?? '')
  return (
    <>
      <p>
        <Link to={`/can-bo/chi-so?${periodQuery(period)}`}>{t('ind.office.back')}</Link>
      </p>
      <h1>{agencyName}</h1>
      <PeriodPicker period={period} onChange={setPeriod} presets={officePresets} />
      <LoadStatus load={overview} />
      {overview.state === 'done' && (
        <>
          <OverviewSections overview={overview.data} />
          <FigureLinks figures={overview.data.figures} scope={{ agencyId }} period={period} />
        </>
      )}
      <h2>{t('ind.office.fields')}</h2>
      <LoadStatus load={fields} />
      {fields.state === 'done' &&
        (fields.data.rows.length === 0 ? (
          <p>{t('stats.empty')}</p>
        ) : (
          <SummaryTable
            caption={t('ind.office.fieldsCaption', { agency: agencyName })}
            nameHeader={t('ind.col.field')}
            rows={fields.data.rows.map((r) => ({
              ...r,
              name: (
                <Link
                  to={`${path}?${periodQuery(period, { field: r.key })}`}
                  aria-current={r.key === fieldId ? 'true' : undefined}
                >
                  {r.name || t('ind.unknownField')}
                </Link>
              ),
              dossiers: (set) => dossierListUrl({ agencyId, field: r.key }, period, set),
            }))}
          />
        ))}
      {fieldId && (
        <>
          <h2>{t('ind.office.procedures', { field: fieldName })}</h2>
          <LoadStatus load={procedures} />
          {procedures.state === 'done' && (
            <SummaryTable
              caption={t('ind.office.proceduresCaption', { field: fieldName, agency: agencyName })}
              nameHeader={t('ind.col.procedure')}
              rows={procedures.data.rows.map((r) => ({
                ...r,
                name: `${r.name} (${r.key})`,
                dossiers: (set) => dossierListUrl({ agencyId, field: fieldId, procedure: r.key }, period, set),
              }))}
            />
          )}
        </>
      )}
    </>
  )
}
