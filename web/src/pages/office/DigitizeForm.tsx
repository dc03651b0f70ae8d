import { type FormEvent, useId, useState } from 'react'
import { asIs, client, newIdempotencyKey, ok } from '../../api/client.ts'
import type { DossierView } from '../../api/types.ts'
import { useI18n } from '../../i18n/messages.ts'

/** Uploads one file for a component (tải lên tệp thành phần hồ sơ); the answer names its SHA-256. */
async function upload(ref: string, component: string, file: File): Promise<string> {
  const form = new FormData()
  form.append('component', component)
  form.append('file', file, file.name)
  const uploaded = await ok(
    client.POST('/api/dossiers/{ref}/files', { params: { path: { ref } }, body: form as never, ...asIs }),
  )
  return uploaded.sha256
}

/** The component to act on, chosen among the dossier's and the procedure's. */
function ComponentChoice({
  choices,
  value,
  onChange,
}: {
  choices: readonly string[]
  value: string
  onChange: (value: string) => void
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="form-field">
      <label htmlFor={id}>{t('cmd.field.component')}</label>
      <select id={id} required value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('cmd.field.chooseComponent')}</option>
        {choices.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  )
}

/** A component and a file: what both the upload and the digitization ask for. */
function ComponentFileForm({
  choices,
  fileLabel,
  hint,
  busy,
  onSubmit,
}: {
  choices: readonly string[]
  fileLabel: 'cmd.field.file' | 'cmd.field.scan'
  hint?: string
  busy: boolean
  onSubmit: (component: string, file: File) => void
}) {
  const { t } = useI18n()
  const fileId = useId()
  const [component, setComponent] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (component && file) onSubmit(component, file)
  }
  return (
    <form className="command-form" onSubmit={submit}>
      {hint && <p className="meta">{hint}</p>}
      <ComponentChoice choices={choices} value={component} onChange={setComponent} />
      <div className="form-field">
        <label htmlFor={fileId}>{t(fileLabel)}</label>
        <input
          id={fileId}
          type="file"
          required
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {t('cmd.submit')}
      </button>
    </form>
  )
}

/** What a component form runs: the work, answered with the dossier's new view (or null to refetch it). */
export type ComponentRun = (work: () => Promise<DossierView | null>) => void

/**
 * Số hóa tại bộ phận một cửa: the counter scans a paper component, uploads the scan and records it as
 * digitized (`digitize`); motcua signs the copy and keeps it in the applicant's vault.
 */
export function DigitizeForm({
  dossier,
  choices,
  busy,
  run,
}: {
  dossier: DossierView
  choices: readonly string[]
  busy: boolean
  run: ComponentRun
}) {
  const { t } = useI18n()
  const ref = dossier.code ?? dossier.id
  return (
    <ComponentFileForm
      choices={choices}
      fileLabel="cmd.field.scan"
      hint={t('cmd.hint.digitize')}
      busy={busy}
      onSubmit={(name, file) =>
        run(async () => {
          const fileRef = await upload(ref, name, file)
          return ok(
            client.POST('/api/dossiers/{ref}/digitized-components', {
              params: { path: { ref }, header: { 'idempotency-key': newIdempotencyKey() } },
              body: { expectedVersion: dossier.version, name, fileRef },
            }),
          )
        })
      }
    />
  )
}

/** Tải lên tệp thành phần hồ sơ: the counter uploads a file the applicant handed in (`attach-file`). */
export function AttachForm({
  dossier,
  choices,
  busy,
  run,
}: {
  dossier: DossierView
  choices: readonly string[]
  busy: boolean
  run: ComponentRun
}) {
  const ref = dossier.code ?? dossier.id
  return (
    <ComponentFileForm
      choices={choices}
      fileLabel="cmd.field.file"
      busy={busy}
      onSubmit={(name, file) =>
        run(async () => {
          await upload(ref, name, file)
          return null
        })
      }
    />
  )
}
