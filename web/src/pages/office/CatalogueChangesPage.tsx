import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import type { Answer } from '../../api/types.ts'
import { type MessageKey, useI18n } from '../../i18n/messages.ts'

type ChangeSet = Answer<'/api/catalogue/change-sets/{id}', 'get'>
type Item = ChangeSet['items'][number]
const listKey = ['catalogue-change-sets']

const kindKeys: Record<Item['kind'], MessageKey> = {
  new: 'catalogueSync.kind.new',
  changed: 'catalogueSync.kind.changed',
  repealed: 'catalogueSync.kind.repealed',
}
const statusKeys: Record<ChangeSet['status'], MessageKey> = {
  pending: 'catalogueSync.status.pending',
  approved: 'catalogueSync.status.approved',
  rejected: 'catalogueSync.status.rejected',
}

const shown = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 1))

/** One item: its kind, name and, for a changed procedure, each field before → after. */
function ItemRow({ item }: { item: Item }) {
  const { t } = useI18n()
  return (
    <li>
      <p>
        <strong>{t(kindKeys[item.kind])}</strong> <code>{item.code}</code> {item.name}
        {item.repealedOn ? ` — ${t('catalogueSync.repealedOn', { date: item.repealedOn })}` : ''}
      </p>
      {item.changes.length > 0 && (
        <table className="catalogue-diff">
          <caption className="visually-hidden">{t('catalogueSync.diffCaption', { code: item.code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogueSync.col.field')}</th>
              <th scope="col">{t('catalogueSync.col.before')}</th>
              <th scope="col">{t('catalogueSync.col.after')}</th>
            </tr>
          </thead>
          <tbody>
            {item.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">
                  <code>{c.field}</code>
                </th>
                <td>
                  <pre>{shown(c.before)}</pre>
                </td>
                <td>
                  <pre>{shown(c.after)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  )
}

/** A change set in full, with the approval date and the two decisions while it is pending. */
function ChangeSetDetail({ id, onDecided }: { id: number; onDecided: (message: string, failed: boolean) => void }) {
  const { t, lang } = useI18n()
  const dateId = useId()
  const detail = useQuery({
    queryKey: [...listKey, id],
    queryFn: () => ok(client.GET('/api/catalogue/change-sets/{id}', { params: { path: { id } } })),
  })
  const [from, setFrom] = useState('')
  const [busy, setBusy] = useState(false)
  const queries = useQueryClient()
  if (!detail.data)
    return (
      <Announcement failed={detail.isError}>
        {detail.isError ? errorText(detail.error, lang, t('common.networkError')) : t('common.loading')}
      </Announcement>
    )
  const set = detail.data
  const decide = async (how: 'approval' | 'rejection') => {
    setBusy(true)
    try {
      if (how === 'approval')
        await ok(
          client.POST('/api/catalogue/change-sets/{id}/approval', {
            params: { path: { id } },
            body: from ? { effectiveFrom: from } : {},
          }),
        )
      else await ok(client.POST('/api/catalogue/change-sets/{id}/rejection', { params: { path: { id } } }))
      onDecided(t(how === 'approval' ? 'catalogueSync.approved' : 'catalogueSync.rejected', { id }), false)
    } catch (error) {
      onDecided(errorText(error, lang, t('common.networkError')), true)
    } finally {
      setBusy(false)
      await queries.invalidateQueries({ queryKey: listKey })
    }
  }
  return (
    <section aria-labelledby={`${dateId}-h`}>
      <h2 id={`${dateId}-h`}>{t('catalogueSync.detailTitle', { id: set.id })}</h2>
      <p>
        {t(statusKeys[set.status])}
        {set.effectiveFrom ? ` — ${t('catalogueSync.effectiveFrom', { date: set.effectiveFrom })}` : ''}
      </p>
      {set.items.length === 0 ? (
        <p>{t('catalogueSync.noItems')}</p>
      ) : (
        <ul className="catalogue-items">
          {set.items.map((i) => (
            <ItemRow key={i.seq} item={i} />
          ))}
        </ul>
      )}
      {set.badRecords.length > 0 && (
        <>
          <h3>{t('catalogueSync.badTitle')}</h3>
          <ul>
            {set.badRecords.map((b) => (
              <li key={`${b.code ?? ''}|${b.reason}`}>
                <code>{b.code ?? '—'}</code>: {b.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {set.status === 'pending' && (
        <form onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={dateId}>{t('catalogueSync.dateLabel')}</label>{' '}
          <input id={dateId} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />{' '}
          <button type="button" disabled={busy} onClick={() => decide('approval')}>
            {t('catalogueSync.approve')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => decide('rejection')}>
            {t('catalogueSync.reject')}
          </button>
        </form>
      )}
    </section>
  )
}

/** Provincial administrators: sync the catalogue from the national database, review and decide. */
export function CatalogueChangesPage() {
  const { t, lang, formatInstant } = useI18n()
  const queries = useQueryClient()
  const list = useQuery({ queryKey: listKey, queryFn: () => ok(client.GET('/api/catalogue/change-sets')) })
  const [chosen, setChosen] = useState<number | null>(null)
  const [message, setMessage] = useState('')
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const say = (text: string, isFailure: boolean) => {
    setMessage(text)
    setFailed(isFailure)
  }
  const sync = async () => {
    setBusy(true)
    say(t('catalogueSync.working'), false)
    try {
      const set = await ok(client.POST('/api/catalogue/change-sets'))
      say(t('catalogueSync.created', { id: set.id, count: set.items.length }), false)
      setChosen(set.id)
    } catch (error) {
      say(errorText(error, lang, t('common.networkError')), true)
    } finally {
      setBusy(false)
      await queries.invalidateQueries({ queryKey: listKey })
    }
  }
  const sets = list.data?.changeSets ?? null
  return (
    <>
      <h1>{t('catalogueSync.title')}</h1>
      <p>{t('catalogueSync.intro')}</p>
      <button type="button" disabled={busy} onClick={sync}>
        {t('catalogueSync.sync')}
      </button>
      <Announcement failed={failed} className="result">
        {message}
      </Announcement>
      {!sets ? (
        <Announcement failed={list.isError}>
          {list.isError ? errorText(list.error, lang, t('common.networkError')) : t('common.loading')}
        </Announcement>
      ) : sets.length === 0 ? (
        <p>{t('catalogueSync.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('catalogueSync.caption', { count: sets.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogueSync.col.id')}</th>
                <th scope="col">{t('catalogueSync.col.createdAt')}</th>
                <th scope="col">{t('catalogueSync.col.status')}</th>
                <th scope="col">{t('catalogueSync.col.counts')}</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <button type="button" aria-pressed={chosen === s.id} onClick={() => setChosen(s.id)}>
                      {t('catalogueSync.show', { id: s.id })}
                    </button>
                  </th>
                  <td>
                    <time dateTime={s.createdAt}>{formatInstant(s.createdAt)}</time>
                  </td>
                  <td>{t(statusKeys[s.status])}</td>
                  <td>{t('catalogueSync.counts', s.counts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen !== null && <ChangeSetDetail key={chosen} id={chosen} onDecided={say} />}
    </>
  )
}
