import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { renderDeclarationDocument } from '../src/adapters/pdf/declaration-document.ts'
import { requireTools } from './support/debian-tools.ts'
import { marriageData, marriageForm, placeNames } from './support/marriage-declaration.ts'

describe('the declaration (tờ khai) PDF', { skip: requireTools('pdftotext') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-declaration-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const text = async () => {
    const pdf = await renderDeclarationDocument(
      marriageForm,
      { data: marriageData },
      {
        receivingAgency: 'Ủy ban nhân dân phường Bắc Nha Trang',
        place: 'Khánh Hòa',
        declaredAt: Date.parse('2026-11-26T02:30:00Z'),
        declarantName: 'Nguyễn Thị Hồng Nhung',
        dossierCode: '000.22.33.H34-261126-0001',
        names: placeNames,
      },
    )
    const file = join(dir, 'to-khai.pdf')
    writeFileSync(file, pdf)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  }

  test('prints the motto, the form title and the receiving agency with their diacritics', async () => {
    const t = await text()
    assert.ok(t.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), t)
    assert.ok(t.includes('Độc lập - Tự do - Hạnh phúc'), t)
    assert.ok(t.includes('TỜ KHAI ĐĂNG KÝ KẾT HÔN'), t)
    assert.ok(t.includes('Kính gửi: Ủy ban nhân dân phường Bắc Nha Trang'), t)
  })

  test('prints each section’s labels with the values: dates dd/mm/yyyy, code lists by name, addresses by unit name', async () => {
    const t = await text()
    assert.ok(t.includes('Thông tin bên nữ'), t)
    assert.ok(t.includes('Họ, chữ đệm, tên: Nguyễn Thị Hồng Nhung'), t)
    assert.ok(t.includes('Ngày, tháng, năm sinh: 09/03/1998'), t)
    assert.ok(t.includes('Ngày, tháng, năm sinh: 20/11/1995'), t)
    assert.ok(t.includes('Quốc tịch: Hàn Quốc'), t)
    assert.ok(t.includes('Nơi cư trú: 12 Trần Phú, Phường Bắc Nha Trang, Khánh Hòa'), t)
    assert.ok(!t.includes('1998-03-09'), 'no ISO date is printed')
  })

  test('prints a conditional field only when its condition holds (the groom’s passport, not his identity number)', async () => {
    const t = await text()
    assert.ok(t.includes('Số hộ chiếu: M12345678'), t)
    assert.equal(t.match(/Số định danh cá nhân/g)?.length, 1, t)
  })

  test('ends with the declarant’s signature block, place and date', async () => {
    const t = await text()
    assert.ok(t.includes('Làm tại: Khánh Hòa, ngày 26 tháng 11 năm 2026'), t)
    assert.ok(t.includes('NGƯỜI KHAI'), t)
    assert.ok(t.lastIndexOf('Nguyễn Thị Hồng Nhung') > t.indexOf('NGƯỜI KHAI'), t)
  })
})
