import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { demoForms } from '../demo/khanh-hoa/forms/index.ts'
import { renderDeclarationDocument } from '../src/adapters/pdf/declaration-document.ts'
import { renderResultDocument, resultDocumentOf } from '../src/adapters/pdf/result-document.ts'
import { declaredSections } from '../src/domain/declarations/declared-values.ts'
import { catalogWithForms } from '../src/store/catalog/load-catalog-file.ts'
import { requireTools } from './support/debian-tools.ts'
import { sampleDeclaration, sampleOf } from './support/declaration-arbitrary.ts'

const today = '2026-12-02'
/** The demo's own forms (the generic one stands for the rest), each on the procedure version it serves. */
const forms = catalogWithForms().procedures.flatMap((p) =>
  p.code in demoForms ? p.versions.flatMap((v) => (v.form ? [{ code: p.code, form: v.form }] : [])).slice(-1) : [],
)
const facts = {
  agencyName: 'Ủy ban nhân dân phường Bắc Nha Trang',
  resultName: 'Kết quả',
  resultNumber: '1/2026',
  applicantName: 'Nguyễn Văn A',
  procedureName: 'Thủ tục',
  dossierCode: '000.22.33.H34-261202-0001',
  issuedOn: 'ngày 2 tháng 12 năm 2026',
}
/** pdftotext output on one line; it may set a space before a closing parenthesis after a diacritic. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').replace(/ \)/g, ')')

describe('every demo form prints its declaration and its result', { skip: requireTools('pdftotext') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-every-form-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const text = (name: string, pdf: Buffer) => {
    const file = join(dir, `${name}.pdf`)
    writeFileSync(file, pdf)
    return squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
  }

  test('the demo has its own forms to print', () => assert.ok(forms.length >= 10, `${forms.length} forms`))

  for (const { code, form } of forms)
    test(`${code} ${form.title.vi}: the tờ khai has its title and sections, repeats as tables; the result its lines`, async () => {
      const data = sampleDeclaration(form, today)
      const declared = text(
        `${code}-to-khai`,
        await renderDeclarationDocument(
          form,
          { data },
          {
            receivingAgency: facts.agencyName,
            place: 'Khánh Hòa',
            declaredAt: Date.parse('2026-12-02T02:00:00Z'),
            declarantName: facts.applicantName,
            dossierCode: null,
          },
        ),
      )
      assert.ok(declared.includes(squeeze(form.title.vi.toLocaleUpperCase('vi'))), declared)
      for (const section of declaredSections(form, data)) {
        assert.ok(declared.includes(squeeze(section.title.vi)), `${section.title.vi} in ${declared}`)
        for (const entry of section.entries)
          if (entry.kind === 'table' && entry.rows.length > 0)
            assert.ok(declared.includes(squeeze(entry.columns[0]?.label.vi ?? '')), `${entry.path} table header`)
      }
      const decision = sampleOf(form.result.decisionSchema) as Record<string, unknown>
      const result = text(
        `${code}-ket-qua`,
        await renderResultDocument(resultDocumentOf(form, { data }, decision, facts), new Date()),
      )
      assert.ok(result.includes(squeeze(form.result.title.vi.toLocaleUpperCase('vi'))), result)
      for (const line of form.result.lines)
        assert.ok(result.includes(squeeze(line.label.vi)), `${line.label.vi} in ${result}`)
    })
})
