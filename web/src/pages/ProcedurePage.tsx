import { useEffect, useState } from 'react'
import { api, errorText } from '../api.ts'
import { useI18n } from '../i18n/messages.ts'
import { Link, useRouter } from '../router.tsx'
import { useSession } from '../session.tsx'
import { type ProcedureDetail, timeLimitMessage } from './procedures.ts'

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; procedure: ProcedureDetail }

function Fees({ fees }: { fees: ProcedureDetail['fees'] }) {
  const { t, lang } = useI18n()
  if (fees.length === 0) return <p>{t('procedure.free')}</p>
  const vnd = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB')
  return (
    <ul>
      {fees.map((fee) => (
        <li key={`${fee.name}-${fee.text}`}>
          {fee.name}:{' '}
          {fee.amountVnd === 0
            ? t('procedure.free')
            : fee.amountVnd === null
              ? fee.text
              : t('procedure.amount', { amount: vnd.format(fee.amountVnd) })}
        </li>
      ))}
    </ul>
  )
}

function Documents({ documents }: { documents: ProcedureDetail['requiredDocuments'] }) {
  const { t, tx } = useI18n()
  if (documents.length === 0) return <p>{t('common.none')}</p>
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('procedure.docName')}</th>
            <th scope="col">{t('procedure.docForm')}</th>
            <th scope="col">{t('procedure.docQuantity')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d, i) => (
            // The catalogue may list one document twice (original and copy): the position disambiguates.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for the page's life
            <tr key={i}>
              <td>
                {d.group && <span className="meta">{d.group}: </span>}
                {d.name}
              </td>
              <td>{tx(`docForm.${d.form}`)}</td>
              <td>{d.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function SubmitOnline({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useI18n()
  const { user } = useSession()
  const { navigate } = useRouter()
  if (procedure.onlineLevel === 'none') return <p>{t('procedure.notOnline')}</p>
  const onClick = () => {
    if (user?.kind !== 'citizen') navigate('/dang-nhap')
    else navigate(`/thu-tuc/${encodeURIComponent(procedure.code)}/nop`)
  }
  return (
    <div className="submit-online">
      <button type="button" className="primary" onClick={onClick}>
        {t('procedure.submitOnline')}
      </button>
      {user?.kind !== 'citizen' && <p className="meta">{t('procedure.signInToSubmit')}</p>}
    </div>
  )
}

export function ProcedurePage({ code }: { code: string }) {
  const { t, tx, lang } = useI18n()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  useEffect(() => {
    let live = true
    setLoad({ state: 'loading' })
    api<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}`).then(
      (procedure) => live && setLoad({ state: 'done', procedure }),
      (error: unknown) =>
        live && setLoad({ state: 'error', message: errorText(error, lang, t('common.networkError')) }),
    )
    return () => {
      live = false
    }
  }, [code, lang, t])

  if (load.state !== 'done')
    return (
      <>
        <p role="status" aria-live="polite" className={load.state === 'error' ? 'error' : undefined}>
          {load.state === 'loading' ? t('procedure.loading') : load.message}
        </p>
        <Link to="/">{t('common.back')}</Link>
      </>
    )
  const p = load.procedure
  const [limitKey, limitVars] = timeLimitMessage(p.timeLimit)
  return (
    <article>
      <h1>{p.name}</h1>
      <dl className="facts">
        <dt>{t('procedure.code')}</dt>
        <dd>{p.nationalCode ?? p.code}</dd>
        <dt>{t('procedure.field')}</dt>
        <dd>{p.fieldName}</dd>
        <dt>{t('procedure.timeLimit')}</dt>
        <dd>{tx(limitKey, limitVars)}</dd>
        {p.onlineTimeLimit && (
          <>
            <dt>{t('procedure.onlineTimeLimit')}</dt>
            <dd>{tx(...timeLimitMessage(p.onlineTimeLimit))}</dd>
          </>
        )}
        <dt>{t('procedure.onlineLevel')}</dt>
        <dd>{t(`online.${p.onlineLevel}`)}</dd>
        <dt>{t('procedure.result')}</dt>
        <dd>{p.resultName}</dd>
      </dl>
      <SubmitOnline procedure={p} />
      <h2>{t('procedure.fees')}</h2>
      <Fees fees={p.fees} />
      <h2>{t('procedure.documents')}</h2>
      <Documents documents={p.requiredDocuments} />
      <h2>{t('procedure.where')}</h2>
      <p>
        {p.competentAgency
          ? t('procedure.whereAgency', { agency: p.competentAgency.name })
          : t('procedure.whereCommune')}
      </p>
      {p.anyLocation && <p>{t('procedure.anyLocation')}</p>}
      <h2>{t('procedure.legalBasis')}</h2>
      {p.legalBasis.length ? (
        <ul>
          {p.legalBasis.map((basis) => (
            <li key={basis}>{basis}</li>
          ))}
        </ul>
      ) : (
        <p>{t('common.none')}</p>
      )}
    </article>
  )
}
