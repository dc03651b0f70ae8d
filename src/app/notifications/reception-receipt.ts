import type { MailAttachment } from '../../adapters/mail/smtp-mailer.ts'
import { renderForm } from '../../adapters/pdf/render-form.ts'
import { dayOf, isoDate } from '../../domain/calendar/local-time.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { buildDossierForm } from '../../domain/forms/build.ts'
import type { Db } from '../../store/database.ts'
import { formContext } from '../../store/forms/form-context.ts'

/** Form 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) rendered as the forms route renders it. */
export function receiptFromForms(db: Db, publicBaseUrl: string) {
  return async (_dossierId: string, d: Dossier): Promise<MailAttachment | null> => {
    if (d.receivedAt === null) return null
    const ctx = await formContext(db, d, isoDate(dayOf(d.receivedAt)), publicBaseUrl)
    const form = ctx ? buildDossierForm('01', d, ctx) : null
    if (!form) return null
    return { fileName: form.fileName, contentType: 'application/pdf', content: await renderForm(form) }
  }
}
