import type { TestApp } from '../support/test-app.ts'

/** A petition body as the portal form sends it; `overrides` change single fields. */
export const petitionBody = (overrides: Record<string, unknown> = {}) => ({
  receivingAgencyId: 'ttpvhcc-22333',
  category: 'conduct',
  title: 'Cán bộ một cửa hẹn trả chậm',
  content: 'Hồ sơ đăng ký khai sinh của tôi bị hẹn lại nhiều lần mà không có lý do.',
  petitioner: { name: 'Trần Thị Bình', phone: '0905111222', email: null, address: null },
  consentToPublish: true,
  dossierCode: null,
  ...overrides,
})

export async function submit(t: TestApp, headers: Record<string, string>, overrides: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/petitions', headers, payload: petitionBody(overrides) })
}

export async function command(
  t: TestApp,
  headers: Record<string, string>,
  code: string,
  path: string,
  payload: Record<string, unknown>,
) {
  return t.app.inject({ method: 'POST', url: `/api/petitions/${code}/${path}`, headers, payload })
}
