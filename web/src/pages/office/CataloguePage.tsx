import { useEffect, useState } from 'react'
import { api, errorText } from '../../api.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'
import { type ProcedurePage, timeLimitMessage } from '../procedures.ts'

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; page: ProcedurePage }

/** Read-only catalogue of procedures in force, for officers. */
export function CataloguePage() {
  const { t, tx, lang } = useI18n()
  const [load, setLoad] = useState<Load>({ state: 'loading' })

  useEffect(() => {
    let live = true
    api<ProcedurePage>('/api/procedures?pageSize=100').then(
      (page) => live && setLoad({ state: 'done', page }),
      (error: unknown) =>
        live && setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    return () => {
      live = false
    }
  }, [lang, t])

  if (load.state !== 'done')
    return (
      <>
        <h1>{t('catalogue.title')}</h1>
        <p role="status" className={load.state === 'error' ? 'error' : undefined}>
          {load.state === 'error' ? load.message : t('common.loading')}
        </p>
      </>
    )
  const { page } = load
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p role="status">
        {page.total > page.items.length
          ? t('catalogue.countPartial', { shown: page.items.length, total: page.total })
          : t('catalogue.count', { total: page.total })}
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t('catalogue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogue.col.code')}</th>
              <th scope="col">{t('catalogue.col.name')}</th>
              <th scope="col">{t('catalogue.col.field')}</th>
              <th scope="col">{t('catalogue.col.level')}</th>
              <th scope="col">{t('catalogue.col.online')}</th>
              <th scope="col">{t('catalogue.col.limit')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.code}>
                <td>{p.code}</td>
                <td>
                  <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                </td>
                <td>{p.fieldName}</td>
                <td>{tx(`catalogue.level.${p.level}`)}</td>
                <td>{tx(`online.${p.onlineLevel}`)}</td>
                <td>{tx(...timeLimitMessage(p.timeLimit))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
