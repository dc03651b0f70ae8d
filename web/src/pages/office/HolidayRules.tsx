import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import type { Answer } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'

type HolidayRule = Answer<'/api/calendar/holiday-rules', 'get'>['rules'][number]

/** How the rule names its day, in the catalogue's words. */
function dayText(rule: HolidayRule, t: ReturnType<typeof useI18n>['t']): string {
  const { day } = rule
  if (day.kind === 'tet_span') return t('holidayRules.day.tet', { before: day.daysBefore, length: day.length })
  return t(day.kind === 'lunar' ? 'holidayRules.day.lunar' : 'holidayRules.day.solar', {
    day: day.day,
    month: day.month,
  })
}

/** The statutory holidays as dated rules with their legal sources; the administrator turns one on or off. */
export function HolidayRules() {
  const { t, lang } = useI18n()
  const queries = useQueryClient()
  const key = ['holiday-rules']
  const load = useQuery({ queryKey: key, queryFn: () => ok(client.GET('/api/calendar/holiday-rules')) })
  const toggle = useMutation({
    mutationFn: (rule: HolidayRule) =>
      ok(
        client.PATCH('/api/calendar/holiday-rules/{id}', {
          params: { path: { id: rule.id } },
          body: { enabled: !rule.enabled },
        }),
      ),
    onSettled: () => {
      queries.invalidateQueries({ queryKey: key })
      queries.invalidateQueries({ queryKey: ['calendar-year'] })
    },
  })
  const message = toggle.isPending
    ? t('calendar.working')
    : toggle.isError
      ? errorText(toggle.error, lang, t('common.networkError'))
      : toggle.isSuccess
        ? t('holidayRules.saved')
        : ''
  return (
    <>
      <h2>{t('holidayRules.title')}</h2>
      <p>{t('holidayRules.intro')}</p>
      <Announcement failed={toggle.isError} className="result">
        {message}
      </Announcement>
      {!load.data ? (
        <Announcement failed={load.isError}>
          {load.isError ? errorText(load.error, lang, t('common.networkError')) : t('common.loading')}
        </Announcement>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('holidayRules.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('holidayRules.col.name')}</th>
                <th scope="col">{t('holidayRules.col.day')}</th>
                <th scope="col">{t('holidayRules.col.inForce')}</th>
                <th scope="col">{t('holidayRules.col.source')}</th>
                <th scope="col">{t('holidayRules.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.rules.map((rule) => (
                <tr key={rule.id}>
                  <td>{rule.reason}</td>
                  <td>
                    {dayText(rule, t)}
                    {rule.compensated ? '' : ` ${t('holidayRules.notCompensated')}`}
                  </td>
                  <td>
                    <time dateTime={rule.effectiveFrom}>{rule.effectiveFrom}</time>
                    {' – '}
                    {rule.effectiveTo ? <time dateTime={rule.effectiveTo}>{rule.effectiveTo}</time> : ''}
                  </td>
                  <td>
                    {rule.source.url ? <a href={rule.source.url}>{rule.source.instrument}</a> : rule.source.instrument},{' '}
                    {rule.source.article}
                    <details>
                      <summary>{t('holidayRules.verified')}</summary>
                      {rule.source.verified}
                    </details>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      disabled={toggle.isPending}
                      aria-label={t(rule.enabled ? 'holidayRules.disable' : 'holidayRules.enable', {
                        name: rule.reason,
                      })}
                      onClick={() => toggle.mutate(rule)}
                    >
                      {rule.enabled ? t('holidayRules.on') : t('holidayRules.off')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
