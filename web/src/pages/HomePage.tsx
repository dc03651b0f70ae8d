import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useDeferredValue, useEffect, useId, useState } from 'react'
import { agencyTreeQuery } from '../api/agencies.ts'
import { client, errorText, ok } from '../api/client.ts'
import type { AgencyNode, ProcedureSummary } from '../api/types.ts'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { Link } from '../router.tsx'
import { timeLimitMessage } from './procedures.ts'

const debounceMs = 250

type Choice = { id: string; name: string }

/** The commune level: the API's `agency=` takes any commune committee and lists every commune-level procedure. */
const COMMUNE_LEVEL = 'xa-22333'

const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name, 'vi')

/** Departments and the provincial service centre, from the agency tree. */
function searchableAgencies(tree: AgencyNode[]): Choice[] {
  const found: Choice[] = []
  const walk = (nodes: AgencyNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'department' || n.kind === 'provincial_service_center') found.push({ id: n.id, name: n.name })
      walk(n.children)
    }
  }
  walk(tree)
  return found.sort(byName)
}

/** Every field that has a procedure in force, collected from the catalogue pages. */
async function loadFields(): Promise<Choice[]> {
  const fields = new Map<string, string>()
  for (let page = 1; page <= 20; page++) {
    const result = await ok(client.GET('/api/procedures', { params: { query: { pageSize: 100, page } } }))
    for (const p of result.items) fields.set(p.field, p.fieldName)
    if (page * result.pageSize >= result.total) break
  }
  return [...fields].map(([id, name]) => ({ id, name })).sort(byName)
}

/** `value`, once it has stopped changing for `ms`: one search per pause in typing, not per key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms)
    return () => window.clearTimeout(timer)
  }, [value, ms])
  return settled
}

function Result({ procedure }: { procedure: ProcedureSummary }) {
  const { t, tx } = useI18n()
  const [limitKey, limitVars] = timeLimitMessage(procedure.timeLimit)
  return (
    <li>
      <Link to={`/thu-tuc/${encodeURIComponent(procedure.code)}`} className="result-name">
        {procedure.name}
      </Link>
      <div className="meta">
        {[procedure.code, procedure.fieldName, t(`online.${procedure.onlineLevel}`), tx(limitKey, limitVars)].join(
          ' · ',
        )}
      </div>
    </li>
  )
}

export function HomePage() {
  const { t, lang } = useI18n()
  usePageHead(null, t('head.home'))
  const queryId = useId()
  const fieldId = useId()
  const agencyId = useId()
  const [query, setQuery] = useState('')
  const [field, setField] = useState('')
  const [agency, setAgency] = useState('')
  // The filters' choices (the whole catalogue's fields, the agency tree) are the page's heaviest
  // answers and most visitors only type: they load when the reader first reaches for a filter.
  const [filtering, setFiltering] = useState(false)
  const startFiltering = () => setFiltering(true)
  const fields = useQuery({
    queryKey: ['procedure-fields'],
    queryFn: loadFields,
    staleTime: 3_600_000,
    enabled: filtering,
  })
  const agencies = useQuery({ ...agencyTreeQuery, select: searchableAgencies, enabled: filtering })
  const q = useDeferredValue(useSettled(query.trim(), debounceMs))
  const search = useQuery({
    queryKey: ['procedures', { q, field, agency }],
    queryFn: () =>
      ok(
        client.GET('/api/procedures', {
          params: {
            query: { q: q || undefined, field: field || undefined, agency: agency || undefined, page: 1, pageSize: 20 },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  })

  const status = search.isError
    ? errorText(search.error, lang, t('search.error'))
    : !search.data || search.isPlaceholderData
      ? t('search.loading')
      : search.data.total
        ? t('search.count', { total: search.data.total })
        : t('search.none')

  return (
    <>
      <h1>{t('search.title')}</h1>
      <search>
        <form
          className="search-form"
          onSubmit={(event) => event.preventDefault()}
          onFocus={startFiltering}
          onPointerDown={startFiltering}
        >
          <div className="form-field grow">
            <label htmlFor={queryId}>{t('search.label')}</label>
            <input
              id={queryId}
              type="search"
              autoComplete="off"
              placeholder={t('search.placeholder')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          <div className="form-field">
            <label htmlFor={fieldId}>{t('search.field')}</label>
            <select id={fieldId} value={field} onChange={(event) => setField(event.target.value)}>
              <option value="">{t('search.allFields')}</option>
              {(fields.data ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor={agencyId}>{t('search.agency')}</label>
            <select id={agencyId} value={agency} onChange={(event) => setAgency(event.target.value)}>
              <option value="">{t('search.allAgencies')}</option>
              {(agencies.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
              <option value={COMMUNE_LEVEL}>{t('search.communeLevel')}</option>
            </select>
          </div>
        </form>
      </search>
      <p
        role={search.isError ? 'alert' : 'status'}
        aria-live={search.isError ? undefined : 'polite'}
        className={search.isError ? 'error' : undefined}
      >
        {status}
      </p>
      {search.data && search.data.items.length > 0 && (
        <ol className="results">
          {search.data.items.map((p) => (
            <Result key={p.code} procedure={p} />
          ))}
        </ol>
      )}
    </>
  )
}
