import type { FormContext } from '../../src/domain/forms/build.ts'

/** Names the forms of a fixture dossier print (test/support/dossier-fixtures.ts agencies). */
export const formContext: FormContext = {
  agencyNames: {
    'ttpvhcc-22333': 'Trung tâm Phục vụ hành chính công phường Bắc Nha Trang',
    'xa-22333': 'Ủy ban nhân dân phường Bắc Nha Trang',
  },
  place: 'Khánh Hòa',
  procedure: {
    name: 'Đăng ký khai sinh',
    requiredDocuments: [{ name: 'Tờ khai', form: 'original', quantity: 1, group: null }],
    fees: [],
    legalBasis: ['Luật Hộ tịch 2014'],
  },
  baseUrl: 'https://motcua.example.vn',
}
