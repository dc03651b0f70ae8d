import { useQuery } from '@tanstack/react-query'
import { client, errorText, ok } from '../api/client.ts'
import type { ProcedureDetail } from '../api/types.ts'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { Link, useRouter } from '../router.tsx'
import { useSession } from '../session.tsx'
import { timeLimitMessage } from './procedures.ts'

/**
 * The catalogue lists one fee line per channel (online, at the counter, by post), each with its own
 * text; the text is what tells them apart, so it is shown as the catalogue wrote it.
 */
function Fees({ fees }: { fees: ProcedureDetail['fees'] }) {
  const { t, lang } = useI18n()
  if (fees.length === 0) return <p>{t('procedure.free')}</p>
  const vnd = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB')
  const amount = (fee: ProcedureDetail['fees'][number]) =>
    fee.amountVnd === 0
      ? t('procedure.free')
      : fee.amountVnd === null
        ? ''
        : t('procedure.amount', { amount: vnd.format(fee.amountVnd) })
  return (
    <ul>
      {fees.map((fee, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is static for the page's life
        <li key={i}>{fee.text || amount(fee)}</li>
      ))}
    </ul>
  )
}

type Document = ProcedureDetail['requiredDocuments'][number]

/** Documents in the catalogue's order, under the catalogue's group headings ("Giấy tờ phải xuất trình:"). */
function groups(documents: Document[]): { heading: string | null; documents: Document[] }[] {
  const out: { heading: string | null; documents: Document[] }[] = []
  for (const d of documents) {
    const last = out[out.length - 1]
    if (last && last.heading === d.group) last.documents.push(d)
    else out.push({ heading: d.group, documents: [d] })
  }
  return out
}

function Documents({ documents }: { documents: Document[] }) {
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
        {groups(documents).map((group, g) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups are static for the page's life
          <tbody key={g}>
            {group.heading && (
              <tr>
                <th scope="colgroup" colSpan={3} className="group">
                  {group.heading}
                </th>
              </tr>
            )}
            {group.documents.map((d, i) => (
              // The catalogue may list one document twice (original and copy): the position disambiguates.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for the page's life
              <tr key={i}>
                <td>{d.name}</td>
                <td>{tx(`docForm.${d.form}`)}</td>
                <td>{d.quantity}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}

function SubmitOnline({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useI18n()
  const { user } = useSession()
  const { navigate } = useRouter()
  if (procedure.onlineLevel === 'none') return <p>{t('procedure.notOnline')}</p>
  const { nationalSubmissionUrl, localOnlineSubmission } = procedure.onlineEntry
  // The form's page asks who is signed in and offers the sign-in to someone who is not.
  const onClick = () => navigate(`/thu-tuc/${encodeURIComponent(procedure.code)}/nop`)
  return (
    <div className="submit-online">
      {nationalSubmissionUrl && (
        <p>
          <a className={localOnlineSubmission ? undefined : 'button primary'} href={nationalSubmissionUrl}>
            {t('procedure.submitAtNationalPortal')}
          </a>
        </p>
      )}
      {localOnlineSubmission && (
        <>
          <button type="button" className="primary" onClick={onClick}>
            {t('procedure.submitOnline')}
          </button>
          {user?.kind !== 'citizen' && <p className="meta">{t('procedure.signInToSubmit')}</p>}
        </>
      )}
      {!localOnlineSubmission && <p className="meta">{t('procedure.onlineOnlyAtNationalPortal')}</p>}
    </div>
  )
}

export function ProcedurePage({ code }: { code: string }) {
  const { t, tx, lang } = useI18n()
  const load = useQuery({
    queryKey: ['procedure', code],
    queryFn: () => ok(client.GET('/api/procedures/{code}', { params: { path: { code } } })),
  })
  const p = load.data
  usePageHead(p?.name ?? null, p ? t('procedure.description', { name: p.name, field: p.fieldName }) : null)
  if (!p)
    return (
      <>
        {load.isError ? (
          <p role="alert" className="error">
            {errorText(load.error, lang, t('common.networkError'))}
          </p>
        ) : (
          <p role="status">{t('procedure.loading')}</p>
        )}
        <Link to="/">{t('common.back')}</Link>
      </>
    )
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
