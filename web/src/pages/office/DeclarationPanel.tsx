import { useQuery } from '@tanstack/react-query'
import {
  type DeclaredEntry,
  type DeclaredTable,
  declaredSections,
  wasCorrected,
} from '../../../../src/domain/declarations/declared-values.ts'
import type { LocalText } from '../../../../src/domain/declarations/form-definition.ts'
import { Announcement } from '../../Announcement.tsx'
import { client, errorText, ok } from '../../api/client.ts'
import type { DossierView } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'

/** The form a dossier's declaration was made on, with its unit names; shared with the appraisal form. */
export function useDeclarationForm(dossier: DossierView) {
  const ref = dossier.code ?? dossier.id
  return useQuery({
    queryKey: ['declaration-form', ref],
    enabled: dossier.declaration !== null,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const answer = await ok(client.GET('/api/dossiers/{ref}/declaration-form', { params: { path: { ref } } }))
      return { form: answer.form, placeNames: answer.placeNames }
    },
  })
}

/** A label in Vietnamese first, English after it. */
function Label({ text }: { text: LocalText }) {
  return (
    <>
      {text.vi}{' '}
      <span className="meta" lang="en">
        / {text.en}
      </span>
    </>
  )
}

function Corrected({ shown }: { shown: boolean }) {
  const { t } = useI18n()
  return shown ? <mark className="corrected-mark">{t('office.declaration.corrected')}</mark> : null
}

function Table({ entry, changed }: { entry: DeclaredTable; changed: readonly string[] }) {
  const { t } = useI18n()
  return (
    <div className="table-wrap">
      <table>
        <caption>
          <Label text={entry.label} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('office.declaration.col.number')}</th>
            {entry.columns.map((c) => (
              <th scope="col" key={c.path}>
                <Label text={c.label} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entry.rows.map((row, i) => (
            <tr key={row[0]?.path ?? i}>
              <td>{i + 1}</td>
              {row.map((cell) => (
                <td key={cell.path} className={wasCorrected(changed, cell.path) ? 'corrected-field' : undefined}>
                  {cell.value} <Corrected shown={wasCorrected(changed, cell.path)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Entries({ entries, changed }: { entries: readonly DeclaredEntry[]; changed: readonly string[] }) {
  const { t } = useI18n()
  const fields = entries.filter((e) => e.kind === 'field')
  const tables = entries.filter((e) => e.kind === 'table')
  return (
    <>
      <dl className="facts">
        {fields.map((e) => (
          <div key={e.path} className={wasCorrected(changed, e.path) ? 'corrected-field' : undefined}>
            <dt>
              <Label text={e.label} />
            </dt>
            <dd>
              {e.value || <span className="meta">{t('office.declaration.notDeclared')}</span>}{' '}
              <Corrected shown={wasCorrected(changed, e.path)} />
            </dd>
          </div>
        ))}
      </dl>
      {tables.map((e) => (
        <Table key={e.path} entry={e} changed={changed} />
      ))}
    </>
  )
}

/**
 * Tờ khai: what the applicant declared, by the form's layout and labels, for the officer to check; the
 * fields corrected after a supplement request carry a "đã sửa / corrected" marker (not colour alone).
 */
export function DeclarationPanel({ dossier }: { dossier: DossierView }) {
  const { t, lang } = useI18n()
  const declaration = dossier.declaration
  const load = useDeclarationForm(dossier)
  const ref = encodeURIComponent(dossier.code ?? dossier.id)
  const heading = <h2 id="dossier-declaration">{t('office.declaration.title')}</h2>
  if (!declaration)
    return (
      <section aria-labelledby="dossier-declaration">
        {heading}
        <p>{t('office.declaration.none')}</p>
      </section>
    )
  const changed = declaration.changedPaths
  const sections = load.data ? declaredSections(load.data.form, declaration.data, load.data.placeNames, lang) : []
  return (
    <section aria-labelledby="dossier-declaration">
      {heading}
      <p>
        <a href={`/api/dossiers/${ref}/declaration.pdf`} target="_blank" rel="noopener">
          {t('office.declaration.print')}
        </a>
      </p>
      {changed.length > 0 && <p>{t('office.declaration.correctedSummary', { n: changed.length })}</p>}
      {!load.data && (
        <Announcement failed={load.isError}>
          {load.isError ? errorText(load.error, lang, t('common.networkError')) : t('office.declaration.loading')}
        </Announcement>
      )}
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`declaration-${s.id}`}>
          <h3 id={`declaration-${s.id}`}>
            <Label text={s.title} />
          </h3>
          <Entries entries={s.entries} changed={changed} />
        </section>
      ))}
    </section>
  )
}
