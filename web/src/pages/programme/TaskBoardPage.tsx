import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { client, errorText, ok } from '../../api/client.ts'
import { useI18n } from '../../i18n/messages.ts'
import { usePageHead } from '../../page-head.ts'
import { loadPlan, readEvidence, type TaskView, useProgramme } from './programme-api.ts'

/** Bảng nhiệm vụ: the yearly plan's tasks the officer may see (their unit's, or all for the province). */
export function TaskBoardPage({ year, agencyId }: { year: number; agencyId: string | undefined }) {
  const { t, lang } = useI18n()
  usePageHead(t('prog.board.title'), t('prog.board.title'))
  const programme = useProgramme()
  const id = programme.data?.id
  const plan = useQuery({
    queryKey: ['programme-plan', id, year, agencyId],
    enabled: id !== undefined,
    retry: false,
    queryFn: () => loadPlan(id ?? '', year, agencyId),
  })
  return (
    <>
      <h1>{t('prog.board.title')}</h1>
      {plan.isError && (
        <p role="alert" className="error">
          {errorText(plan.error, lang, t('common.networkError'))}
        </p>
      )}
      {plan.data && (
        <>
          <p>
            {plan.data.name} — {plan.data.decision}
          </p>
          {plan.data.tasks.length === 0 && <p role="status">{t('prog.board.empty')}</p>}
          {plan.data.tasks.map((task) => (
            <TaskCard key={task.id} task={task} />
          ))}
        </>
      )}
    </>
  )
}

function TaskCard({ task }: { task: TaskView }) {
  const { t, tx, formatInstant } = useI18n()
  const headingId = `task-${task.id}`
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{task.title}</h2>
      <dl>
        <dt>{t('prog.task.output')}</dt>
        <dd>{task.output}</dd>
        <dt>{t('prog.task.agency')}</dt>
        <dd>{task.agencyId}</dd>
        <dt>{t('prog.task.deadline')}</dt>
        <dd>
          {task.deadline}
          {task.overdue && <span className="badge badge-unmet"> {t('prog.task.overdue')}</span>}
          {task.completedLate && <span className="badge badge-none"> {t('prog.task.late')}</span>}
        </dd>
        <dt>{t('prog.task.status')}</dt>
        <dd>
          {tx(`prog.status.${task.status}`)} — {task.percent} %
        </dd>
      </dl>
      {task.reports.length > 0 && (
        <ol>
          {task.reports.map((r) => (
            <li key={r.id}>
              {formatInstant(r.at)} — {tx(`prog.report.${r.kind}`)}
              {r.percent !== null && ` (${r.percent} %)`}: {r.note}
              {r.evidence && (
                <>
                  {' — '}
                  <a href={`/api/programme/evidence/${r.evidence.sha256}`}>{r.evidence.name}</a>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {task.availableActions.length > 0 && <TaskActions task={task} />}
    </section>
  )
}

function TaskActions({ task }: { task: TaskView }) {
  const { t, lang } = useI18n()
  const queryClient = useQueryClient()
  const [percent, setPercent] = useState(task.percent)
  const [note, setNote] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const act = useMutation({
    mutationFn: async (action: TaskView['availableActions'][number]) => {
      const evidence = file === null ? null : await readEvidence(file)
      const path = { taskId: task.id }
      if (action === 'report-progress')
        return ok(
          client.POST('/api/programme/tasks/{taskId}/progress-reports', {
            params: { path },
            body: { percent, note, evidence },
          }),
        )
      if (action === 'request-completion')
        return ok(
          client.POST('/api/programme/tasks/{taskId}/completion-request', {
            params: { path },
            body: { note, evidence },
          }),
        )
      return ok(
        client.POST('/api/programme/tasks/{taskId}/approval', {
          params: { path },
          body: { approved: action === 'approve', note },
        }),
      )
    },
    onSuccess: () => {
      setNote('')
      setFile(null)
      return queryClient.invalidateQueries({ queryKey: ['programme-plan'] })
    },
  })
  const reports = task.availableActions.includes('report-progress')
  const submit = (action: TaskView['availableActions'][number]) => (e: FormEvent) => {
    e.preventDefault()
    act.mutate(action)
  }
  return (
    <form onSubmit={submit(task.availableActions[0] ?? 'report-progress')}>
      {reports && (
        <label>
          {t('prog.task.percent')}{' '}
          <input type="number" min={0} max={100} value={percent} onChange={(e) => setPercent(Number(e.target.value))} />
        </label>
      )}
      <label>
        {t('prog.task.note')} <textarea value={note} onChange={(e) => setNote(e.target.value)} required={reports} />
      </label>
      {reports && (
        <label>
          {t('prog.task.file')}{' '}
          <input
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
      )}
      {task.availableActions.map((a) => (
        <button key={a} type="button" onClick={submit(a)} disabled={act.isPending}>
          {t(`prog.action.${a}`)}
        </button>
      ))}
      {act.isError && (
        <p role="alert" className="error">
          {errorText(act.error, lang, t('common.networkError'))}
        </p>
      )}
    </form>
  )
}
