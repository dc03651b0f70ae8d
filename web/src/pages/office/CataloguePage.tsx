import { useQuery } from '@tanstack/react-query'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { Link } from '../../router.tsx'
import { timeLimitMessage } from '../procedures.ts'

/** Read-only catalogue of procedures in force, for officers. */
export function CataloguePage() {
  const { t, tx, lang } = useI18n()
  const load = useQuery({
    queryKey: ['procedures', { pageSize: 100 }],
    queryFn: () => ok(client.GET('/api/procedures', { params: { query: { page: 1, pageSize: 100 } } })),
  })
  const page = load.data
  if (!page)
    return (
      <>
        <h1>{t('catalogue.title')}</h1>
        <Announcement failed={load.isError}>
          {load.isError ? errorText(load.error, lang, t('common.networkError')) : t('common.loading')}
        </Announcement>
      </>
    )
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
