import type { components, paths } from './schema.gen.ts'

/** The JSON a successful (200 or 201) answer of `method` on `path` carries, as the OpenAPI document declares it. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never

export type AgencyNode = components['schemas']['AgencyNode']
export type DossierView = Answer<'/api/dossiers/{ref}', 'get'>
export type ProcedurePage = Answer<'/api/procedures', 'get'>
export type ProcedureSummary = ProcedurePage['items'][number]
export type ProcedureDetail = Answer<'/api/procedures/{code}', 'get'>
export type TimeLimit = ProcedureSummary['timeLimit']

/** The JSON body `method` on `path` takes. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } }
}
  ? B
  : never
