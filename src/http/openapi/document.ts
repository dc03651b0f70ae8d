import type { SwaggerOptions } from '@fastify/swagger'
import { sessionCookie } from '../auth/access-control.ts'

export type ApiTag = { readonly name: string; readonly description: string }

/** The groups operations are listed under; a route naming another tag fails at start (operations.ts). */
export const apiTags: readonly ApiTag[] = [
  { name: 'catalogue', description: 'Danh mục thủ tục hành chính và cơ quan / Procedures and agencies' },
  { name: 'auth', description: 'Đăng nhập, phiên làm việc / Sign-in and sessions' },
  { name: 'dossiers', description: 'Hồ sơ: nộp, tiếp nhận, xử lý, trả kết quả / Dossiers and their lifecycle' },
  { name: 'files', description: 'Tệp thành phần hồ sơ / Files of a dossier’s required documents' },
  { name: 'vault', description: 'Kho dữ liệu điện tử của công dân / The citizen’s document vault' },
  { name: 'calendar', description: 'Lịch làm việc, ngày nghỉ, thời hạn / Working calendar and deadlines' },
  { name: 'statistics', description: 'Thống kê công khai / Public statistics' },
  {
    name: 'indicators',
    description: 'Chỉ số cải cách hành chính, báo cáo / Reform indicators (Decision 766) and reports',
  },
  {
    name: 'programme',
    description: 'Chương trình, kế hoạch cải cách hành chính / The reform programme, plans and tasks',
  },
  { name: 'petitions', description: 'Phản ánh, kiến nghị / Petitions about administrative regulations and conduct' },
  {
    name: 'par-index',
    description: 'Chỉ số CCHC của sở, ngành và xã / The PAR index of departments and communes',
  },
  {
    name: 'documents',
    description: 'Văn bản điện tử / Official documents: drafting, registers, signatures, distribution',
  },
  { name: 'surveys', description: 'Khảo sát sự hài lòng (SIPAS) / Satisfaction surveys by the SIPAS method' },
  { name: 'integrations', description: 'Webhook, tin gửi thất bại / Webhooks and failed deliveries' },
  { name: 'operations', description: 'Vận hành / Operations' },
]

/** How callers prove who they are; each operation's `security` names these (operations.ts). */
const securitySchemes = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookie,
    description:
      'Phiên đăng nhập / The session cookie set by sign-in (officer password or VNeID). Requests that change data also need `csrfToken`.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      'Mã chống giả mạo yêu cầu / The session’s anti-CSRF token (returned by sign-in and `GET /api/auth/session`), required with the session cookie on POST, PUT, PATCH and DELETE.',
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'mc_…',
    description:
      'Mã truy cập tích hợp / An API token (`mc_` + random) of an integration client or an account; its scopes and roles decide what it may do.',
  },
} as const

/** The OpenAPI document's head: served at /api/openapi.json, the routes fill in its paths. */
export const openapiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'motcua API',
      description: 'Một cửa điện tử: thủ tục hành chính, hồ sơ, chỉ số cải cách hành chính. / The one-stop shop API.',
      version: '0.1.0',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/', description: 'Máy chủ này / This server' }],
    tags: [...apiTags],
    components: { securitySchemes },
  },
  refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
}
