import type { TestApp } from '../support/test-app.ts'

export const programmeId = 'cchc-2021-2030'

/** A minimal PDF: enough for the content check (it starts with %PDF-). */
export const pdfEvidence = (name = 'bao-cao.pdf', body = 'minh chứng') => ({
  name,
  contentBase64: Buffer.from(`%PDF-1.4\n% ${body}\n%%EOF\n`).toString('base64'),
})

export const post = (t: TestApp, headers: Record<string, string>, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> })

export const get = (t: TestApp, headers: Record<string, string>, url: string) =>
  t.app.inject({ method: 'GET', url, headers })

/** Creates the 2026 plan with one task for `agencyId`; returns the task id. */
export async function planWithTask(
  t: TestApp,
  admin: Record<string, string>,
  agencyId: string,
  deadline = '2026-12-15',
) {
  await post(t, admin, `/api/programme/${programmeId}/plans`, {
    year: 2026,
    name: 'Kế hoạch cải cách hành chính năm 2026',
    decision: 'Quyết định số 01/QĐ-UBND (minh họa)',
  })
  const task = await post(t, admin, `/api/programme/${programmeId}/plans/2026/tasks`, {
    area: 'administrative_procedures',
    solutionGroupId: 'g2-tthc',
    title: 'Rà soát, đơn giản hóa thủ tục hộ tịch',
    output: 'Báo cáo rà soát và phương án đơn giản hóa',
    agencyId,
    deadline,
  })
  if (task.statusCode !== 201) throw new Error(task.body)
  return task.json<{ id: string }>().id
}
