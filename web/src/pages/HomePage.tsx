import { useEffect, useId, useState } from 'react'
import { api, errorText } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'
import { Link } from '../router.tsx'
import { type ProcedurePage, type ProcedureSummary, timeLimitMessage } from './procedures.ts'

const debounceMs = 250

type Field = { id: string; name: string }
type AgencyNode = { id: string; kind: string; name: string; children: AgencyNode[] }

/** The commune level: the API's `agency=` takes any commune committee and lists every commune-level procedure. */
const COMMUNE_LEVEL = 'xa-22333'

/** Departments and the provincial service centre, from the agency tree. */
async function loadAgencies(): Promise<Field[]> {
  const found: Field[] = []
  const walk = (nodes: AgencyNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'department' || n.kind === 'provincial_service_center') found.push({ id: n.id, name: n.name })
      walk(n.children)
    }
  }
  walk(await api<AgencyNode[]>('/api/agencies'))
  return found.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}
type Search = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; page: ProcedurePage }

/** Every field that has a procedure in force, collected from the catalogue pages. */
async function loadFields(): Promise<Field[]> {
  const fields = new Map<string, string>()
  for (let page = 1; page <= 20; page++) {
    const result = await api<ProcedurePage>(`/api/procedures?pageSize=100&page=${page}`)
    for (const p of result.items) fields.set(p.field, p.fieldName)
    if (page * result.pageSize >= result.total) break
  }
  return [...fields].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'))
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
  const queryId = useId()
  const fieldId = useId()
  const agencyId = useId()
  const [query, setQuery] = useState('')
  const [field, setField] = useState('')
  const [fields, setFields] = useState<Field[]>([])
  const [agency, setAgency] = useState('')
  const [agencies, setAgencies] = useState<Field[]>([])
  const [search, setSearch] = useState<Search>({ state: 'loading' })

  useEffect(() => {
    loadFields().then(setFields, () => setFields([]))
    loadAgencies().then(setAgencies, () => setAgencies([]))
  }, [])

  useEffect(() => {
    let live = true
    setSearch({ state: 'loading' })
    const timer = setTimeout(() => {
      const params = new URLSearchParams()
      if (query.trim()) params.set('q', query.trim())
      if (field) params.set('field', field)
      if (agency) params.set('agency', agency)
      api<ProcedurePage>(`/api/procedures?${params}`).then(
        (page) => live && setSearch({ state: 'done', page }),
        (error: unknown) => live && setSearch({ state: 'error', message: errorText(error, lang, t('search.error')) }),
      )
    }, debounceMs)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, field, agency, lang, t])

  const status =
    search.state === 'loading'
      ? t('search.loading')
      : search.state === 'error'
        ? search.message
        : search.page.total
          ? t('search.count', { total: search.page.total })
          : t('search.none')

  return (
    <>
      <h1>{t('search.title')}</h1>
      <search>
        <form className="search-form" onSubmit={(event) => event.preventDefault()}>
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
              {fields.map((f) => (
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
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
              <option value={COMMUNE_LEVEL}>{t('search.communeLevel')}</option>
            </select>
          </div>
        </form>
      </search>
      <p role="status" aria-live="polite" className={search.state === 'error' ? 'error' : undefined}>
        {status}
      </p>
      {search.state === 'done' && search.page.items.length > 0 && (
        <ol className="results">
          {search.page.items.map((p) => (
            <Result key={p.code} procedure={p} />
          ))}
        </ol>
      )}
    </>
  )
}
