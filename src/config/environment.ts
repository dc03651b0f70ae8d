import { type Static, type TSchema, Type } from 'typebox'

/**
 * What a variable's value must look like, said to the operator when it does not (Vietnamese first),
 * whether its value is a secret (never printed), and the default as the documentation shows it.
 */
export type VariableNotes = {
  readonly expected: { readonly vi: string; readonly en: string }
  readonly secret?: boolean
  readonly shownDefault?: string
}

const positiveMs = { vi: 'phải là số nguyên dương (mili giây)', en: 'must be a positive integer (milliseconds)' }
const httpUrl = { vi: 'phải là địa chỉ http(s)://…', en: 'must be an http(s):// URL' }
const text = { vi: 'không được để trống', en: 'must not be blank' }

const integer = (minimum: number, maximum: number, fallback: number, description: string, notes: VariableNotes) =>
  Type.Integer({ minimum, maximum, default: fallback, description, ...notes })
const url = (description: string, extra: Partial<VariableNotes> & { default?: string; pattern?: string } = {}) =>
  Type.String({ format: 'uri', pattern: '^https?://', description, expected: httpUrl, ...extra })
const word = (description: string, notes: Partial<VariableNotes> = {}) =>
  Type.String({ minLength: 1, pattern: '\\S', description, expected: text, ...notes })
const secret = (description: string) => word(description, { secret: true })

/**
 * Every environment variable motcua reads, with its type, default and meaning: the one place they are
 * declared. `loadConfig` validates against it and `docs/operations.md` lists it (print-docs.ts).
 * An empty value counts as unset.
 */
export const Environment = Type.Object({
  DATABASE_URL: Type.Optional(
    Type.String({
      format: 'uri',
      pattern: '^postgres(ql)?://',
      description:
        'Chuỗi kết nối PostgreSQL; không đặt thì dùng PGlite trong `--data-dir` / PostgreSQL connection string; when unset, embedded PGlite in `--data-dir`',
      expected: { vi: 'phải là địa chỉ postgres://…', en: 'must be a postgres:// URL' },
      secret: true,
    }),
  ),
  PG_POOL_MAX: integer(1, 1000, 10, 'Số kết nối PostgreSQL mỗi tiến trình / PostgreSQL connections per process', {
    expected: { vi: 'phải là số nguyên từ 1 đến 1000', en: 'must be an integer from 1 to 1000' },
  }),
  PORT: integer(
    1,
    65_535,
    3000,
    'Cổng TCP của `serve` (`--port` thay thế) / TCP port of `serve` (`--port` overrides)',
    {
      expected: { vi: 'phải là số cổng từ 1 đến 65535', en: 'must be a port number from 1 to 65535' },
    },
  ),
  HOST: Type.String({
    minLength: 1,
    pattern: '\\S',
    default: 'localhost',
    description: 'Địa chỉ lắng nghe (`--host` thay thế) / Address to listen on (`--host` overrides)',
    expected: text,
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    {
      default: 'info',
      description: 'Mức ghi log (pino, dòng JSON có mã yêu cầu) / Log level (pino JSON lines with a request id)',
      expected: {
        vi: 'phải là một trong fatal, error, warn, info, debug, trace, silent',
        en: 'must be one of fatal, error, warn, info, debug, trace, silent',
      },
    },
  ),
  PUBLIC_BASE_URL: url(
    'Địa chỉ công khai của trang, cho liên kết trong thông báo, biên nhận và Cổng DVCQG / Public address of the site, for links in notices, receipts and portal records',
    { default: 'http://localhost:3000' },
  ),
  MOTCUA_DEMO: Type.Optional(
    Type.Union([Type.Literal('0'), Type.Literal('1')], {
      description:
        'Đăng nhập thử và trang mô phỏng thanh toán: 1 bật, 0 tắt / The labelled demo login and payment simulator: 1 on, 0 off',
      expected: { vi: 'phải là 0 hoặc 1', en: 'must be 0 or 1' },
      shownDefault: '1 embedded, 0 PostgreSQL',
    }),
  ),
  MOTCUA_RELAY_INTERVAL_MS: integer(
    1,
    3_600_000,
    1000,
    'Khoảng thời gian giữa hai vòng chuyển tin outbox / Polling interval of the outbox relay',
    { expected: positiveMs },
  ),
  MOTCUA_RELAY_MAX_ATTEMPTS: integer(
    1,
    1000,
    10,
    'Số lần gửi trước khi một tin bị coi là chết / Delivery attempts before a delivery is dead',
    { expected: { vi: 'phải là số nguyên dương', en: 'must be a positive integer' } },
  ),
  MOTCUA_RELAY_LEASE_MS: integer(
    1000,
    3_600_000,
    60_000,
    'Thời gian một tiến trình giữ tin đã nhận gửi; sau sự cố, tin đến hạn lại / How long a claimed delivery is one process’s; after a crash it is due again',
    { expected: { vi: 'phải là số nguyên ≥ 1000 (mili giây)', en: 'must be an integer ≥ 1000 (milliseconds)' } },
  ),
  MOTCUA_DEADLINE_WATCH: Type.Boolean({
    default: true,
    description:
      'Bộ theo dõi thời hạn trong `serve`: cảnh báo trước hạn, chuyển lãnh đạo khi quá hạn, dừng hồ sơ hết hạn bổ sung / The deadline watcher in `serve`: warnings before deadlines, escalation when overdue, stopping dossiers whose supplement limit passed',
    expected: { vi: 'phải là true hoặc false', en: 'must be true or false' },
  }),
  MOTCUA_DEADLINE_WATCH_INTERVAL_MS: integer(
    1000,
    86_400_000,
    60_000,
    'Khoảng thời gian giữa hai vòng theo dõi thời hạn / Interval between two rounds of the deadline watcher',
    { expected: { vi: 'phải là số nguyên ≥ 1000 (mili giây)', en: 'must be an integer ≥ 1000 (milliseconds)' } },
  ),
  MOTCUA_DEADLINE_WATCH_LEASE_MS: integer(
    1000,
    86_400_000,
    300_000,
    'Thời gian một máy chủ giữ quyền chạy bộ theo dõi thời hạn; sau sự cố, máy khác tiếp quản / How long one server holds the deadline watcher; after a crash another takes over',
    { expected: { vi: 'phải là số nguyên ≥ 1000 (mili giây)', en: 'must be an integer ≥ 1000 (milliseconds)' } },
  ),
  MOTCUA_PARTNER_TIMEOUT_MS: integer(
    100,
    3_600_000,
    10_000,
    'Thời hạn một lần gọi đối tác (Cổng DVCQG, SMS, SMTP, webhook, hoàn phí), nhỏ hơn MOTCUA_RELAY_LEASE_MS; bộ chuyển tin thử lại / Timeout of one call to a partner (portal, SMS, SMTP, webhook, refund), less than MOTCUA_RELAY_LEASE_MS; the relay retries',
    { expected: { vi: 'phải là số nguyên ≥ 100 (mili giây)', en: 'must be an integer ≥ 100 (milliseconds)' } },
  ),
  MOTCUA_DRAFT_TTL_DAYS: integer(
    1,
    3650,
    30,
    'Số ngày giữ bản nháp tờ khai kể từ lần lưu cuối; quá hạn thì xóa / Days a declaration draft is kept after its last save; then it is purged',
    { expected: { vi: 'phải là số nguyên từ 1 đến 3650 (ngày)', en: 'must be an integer from 1 to 3650 (days)' } },
  ),
  PORTAL_BASE_URL: Type.Optional(url('Địa chỉ Cổng DVCQG / National portal address, e.g. https://dichvucong.gov.vn')),
  PORTAL_API_KEY: Type.Optional(secret('Khóa API của Cổng DVCQG / National portal API key (`X-API-Key`)')),
  // Not `format: 'uri'`: the braces of {code} are not URI characters until replaced.
  PORTAL_SUBMISSION_URL: Type.Optional(
    Type.String({
      pattern: '^https?://\\S*\\{code\\}\\S*$',
      description:
        'Trang nộp hồ sơ của một thủ tục trên Cổng DVCQG, {code} thay bằng mã thủ tục; trang thủ tục dẫn tới đó / The national portal’s submission page of a procedure, {code} replaced by its code; the procedure page links to it',
      expected: { vi: 'phải là địa chỉ http(s)://… có {code}', en: 'must be an http(s):// URL containing {code}' },
    }),
  ),
  MOTCUA_LOCAL_ONLINE_SUBMISSION: Type.Boolean({
    default: true,
    description:
      'Công dân nộp trực tuyến ngay trên cổng của tỉnh; false: chỉ qua Cổng DVCQG (PORTAL_SUBMISSION_URL), quầy vẫn tiếp nhận / Citizens submit online on the province’s own portal; false: only through the national portal, the counter still receives',
    expected: { vi: 'phải là true hoặc false', en: 'must be true or false' },
  }),
  MOTCUA_PORTAL_RECONCILE: Type.Union([Type.Literal('on'), Type.Literal('off')], {
    default: 'off',
    description:
      'Báo cáo đối soát hằng ngày với Cổng DVCQG trong `serve` (cần PORTAL_BASE_URL, PORTAL_API_KEY), cho ngày hôm trước / The daily reconciliation report with the national portal in `serve` (needs PORTAL_BASE_URL, PORTAL_API_KEY), for the previous day',
    expected: { vi: 'phải là on hoặc off', en: 'must be on or off' },
  }),
  MOTCUA_PORTAL_RECONCILE_AT: Type.String({
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    default: '01:00',
    description:
      'Giờ chạy báo cáo đối soát hằng ngày, giờ Việt Nam (HH:MM) / Time of day of the daily reconciliation report, Vietnam time (HH:MM)',
    expected: { vi: 'phải là giờ dạng HH:MM', en: 'must be a time of day as HH:MM' },
  }),
  PORTAL_INBOUND_MODE: Type.Optional(
    Type.Union([Type.Literal('push'), Type.Literal('pull')], {
      description:
        'Nhận hồ sơ nộp trên Cổng DVCQG: push nền tảng gọi vào /api/portal/inbound-dossiers, pull motcua lấy theo con trỏ; không đặt thì không nhận / Receive dossiers submitted on the national portal: push (the platform calls /api/portal/inbound-dossiers) or pull (motcua fetches with a cursor); unset: none',
      expected: { vi: 'phải là push hoặc pull', en: 'must be push or pull' },
    }),
  ),
  PORTAL_INBOUND_API_KEY: Type.Optional(
    secret(
      'Khóa API nền tảng gửi kèm khi đẩy hồ sơ (`X-API-Key`) / API key the platform sends with each push (`X-API-Key`)',
    ),
  ),
  PORTAL_INBOUND_SECRET: Type.Optional(
    Type.String({
      pattern: '^whsec_[A-Za-z0-9+/=_-]{32,}$',
      description:
        'Khóa chung ký HMAC-SHA256 lời gọi đẩy hồ sơ (Standard Webhooks, whsec_…) / Shared secret signing each push, HMAC-SHA256 (Standard Webhooks, whsec_…)',
      expected: {
        vi: 'phải có dạng whsec_ và base64 của 24–64 byte',
        en: 'must be whsec_ followed by base64 of 24–64 bytes',
      },
      secret: true,
    }),
  ),
  PORTAL_INBOUND_PULL_INTERVAL_MS: integer(
    100,
    3_600_000,
    10_000,
    'Khoảng thời gian giữa hai lần lấy hồ sơ mới (pull), và thử lại hồ sơ dở dang / Interval between two pulls of new dossiers, and retries of unfinished intakes',
    { expected: positiveMs },
  ),
  DOCUMENT_AXIS_BASE_URL: Type.Optional(
    url(
      'Địa chỉ Trục liên thông văn bản quốc gia (API dưới /vxp/) / Address of the national document exchange axis (API under /vxp/)',
    ),
  ),
  DOCUMENT_AXIS_SYSTEM_ID: Type.Optional(
    word('Mã hệ thống do Văn phòng Chính phủ cấp (`X-Axis-System-Id`) / System id issued by the Government Office'),
  ),
  DOCUMENT_AXIS_SECRET: Type.Optional(
    secret('Khóa bí mật của hệ thống trên trục (`X-Axis-Secret`) / The system’s secret on the axis'),
  ),
  DOCUMENT_AXIS_AGENCY_CODE: Type.Optional(
    Type.String({
      pattern: '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$',
      description:
        'Mã định danh QCVN 102 của điểm kết nối (tỉnh), trả lời gói tin không gửi cho cơ quan nào của ta / QCVN 102 code of our connection point (the province), answering packages addressed to none of our agencies',
      expected: { vi: 'phải là mã dạng 000.00.00.H34', en: 'must be a code like 000.00.00.H34' },
    }),
  ),
  DOCUMENT_AXIS_AGENCY_NAME: Type.Optional(
    word('Tên điểm kết nối, như trên gói tin trạng thái / Name of the connection point, as status packages give it'),
  ),
  DOCUMENT_AXIS_SIGNING_KEY_FILE: Type.Optional(
    word('Tệp PEM khóa bí mật ký gói tin edXML / PEM file of the private key signing edXML packages'),
  ),
  DOCUMENT_AXIS_SIGNING_CERTIFICATE_FILE: Type.Optional(
    word('Tệp PEM chứng thư số đi kèm chữ ký gói tin / PEM file of the certificate sent with each package signature'),
  ),
  DOCUMENT_AXIS_PULL_INTERVAL_MS: integer(
    1000,
    3_600_000,
    60_000,
    'Khoảng thời gian giữa hai lần nhận văn bản từ trục / Interval between two pulls from the axis',
    { expected: { vi: 'phải là số nguyên ≥ 1000 (mili giây)', en: 'must be an integer ≥ 1000 (milliseconds)' } },
  ),
  DOCUMENT_AXIS_DIRECTORY_REFRESH_HOURS: integer(
    1,
    720,
    24,
    'Chu kỳ cập nhật danh bạ đơn vị trên trục (giờ); đơn vị không còn trong danh bạ được giữ và đánh dấu vắng / How often the axis agency directory is refreshed (hours); an agency no longer listed is kept and marked absent',
    { expected: { vi: 'phải là số nguyên từ 1 đến 720 (giờ)', en: 'must be an integer from 1 to 720 (hours)' } },
  ),
  SMTP_URL: Type.Optional(
    Type.String({
      format: 'uri',
      pattern: '^smtps?://',
      description:
        'Máy chủ thư gửi thông báo, smtp://user:pass@host:587 hoặc smtps://…:465 / Mail server for notices, smtp://user:pass@host:587 or smtps://…:465',
      expected: { vi: 'phải là địa chỉ smtp:// hoặc smtps://', en: 'must be an smtp:// or smtps:// URL' },
      secret: true,
    }),
  ),
  MAIL_FROM: Type.Optional(word('Người gửi thư / Sender, e.g. "Một cửa điện tử" <motcua@khanhhoa.gov.vn>')),
  SMS_GATEWAY_URL: Type.Optional(url('Địa chỉ gửi tin của cổng SMS brandname / The SMS brandname gateway’s send URL')),
  SMS_API_KEY: Type.Optional(secret('Khóa API của cổng SMS / SMS gateway API key')),
  SMS_BRANDNAME: Type.String({
    minLength: 1,
    maxLength: 11,
    pattern: '^[A-Za-z0-9 ._-]+$',
    default: 'MOTCUA',
    description: 'Tên thương hiệu người gửi SMS đã đăng ký / Registered SMS sender brandname',
    expected: { vi: 'phải gồm 1–11 chữ cái, chữ số không dấu', en: 'must be 1–11 unaccented letters or digits' },
  }),
  VNPAY_TMN_CODE: Type.Optional(word('Mã website (vnp_TmnCode) do VNPay cấp / VNPay merchant code')),
  VNPAY_HASH_SECRET: Type.Optional(secret('Khóa ký HMAC-SHA512 của VNPay / VNPay signing key')),
  VNPAY_PAY_URL: Type.Optional(url('Địa chỉ trang thanh toán VNPay / VNPay payment page URL')),
  VNPAY_API_URL: url('API hoàn tiền của VNPay / VNPay transaction API, for refunds', {
    default: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
  }),
  PAYMENT_REFUND_ON_WITHDRAWAL: Type.Boolean({
    default: true,
    description:
      'Hoàn phí đã thanh toán trực tuyến khi rút hồ sơ trước khi có kết quả / Refund online payments when a dossier is withdrawn before its result',
    expected: { vi: 'phải là true hoặc false', en: 'must be true or false' },
  }),
  VNEID_ISSUER: Type.Optional(
    url('Issuer OpenID Connect của VNeID / VNeID OpenID Connect issuer', {
      pattern: '^https://',
      expected: { vi: 'phải là địa chỉ https://…', en: 'must be an https:// URL' },
    }),
  ),
  VNEID_CLIENT_ID: Type.Optional(word('Mã ứng dụng đăng ký với VNeID / Client id registered with VNeID')),
  VNEID_CLIENT_SECRET: Type.Optional(secret('Khóa bí mật của ứng dụng VNeID / VNeID client secret')),
  VNEID_REDIRECT_URI: Type.Optional(
    url('Địa chỉ quay về đã đăng ký, …/api/auth/vneid/callback / Registered callback, …/api/auth/vneid/callback'),
  ),
  VNEID_SCOPE: Type.Optional(word('Phạm vi yêu cầu / Scopes to ask for', { shownDefault: 'openid profile' })),
  VNEID_IDENTITY_CLAIM: Type.Optional(
    word('Claim chứa số định danh cá nhân / Claim holding the identity number', { shownDefault: 'identity_number' }),
  ),
  S3_BUCKET: Type.Optional(
    word('Lưu tệp vào bucket S3 thay cho `<data-dir>/files` / Store uploads in this S3 bucket, not `<data-dir>/files`'),
  ),
  S3_ENDPOINT: Type.Optional(url('Địa chỉ kho tương thích S3 / Endpoint of an S3-compatible store')),
  S3_REGION: Type.Optional(word('Vùng S3 / S3 region', { shownDefault: 'AWS_REGION, else us-east-1' })),
  AWS_REGION: Type.Optional(word('Vùng AWS khi không đặt S3_REGION / AWS region when S3_REGION is unset')),
  AWS_ACCESS_KEY_ID: Type.Optional(
    word(
      'Khóa truy cập S3 (không đặt: chuỗi thông tin xác thực mặc định của SDK) / S3 access key (else the SDK chain)',
    ),
  ),
  AWS_SECRET_ACCESS_KEY: Type.Optional(secret('Khóa bí mật S3 / S3 secret key')),
  S3_FORCE_PATH_STYLE: Type.Optional(
    Type.Union([Type.Literal('0'), Type.Literal('1')], {
      description: 'Địa chỉ dạng đường dẫn: 1 bật, 0 tắt / Path-style addressing: 1 on, 0 off',
      expected: { vi: 'phải là 0 hoặc 1', en: 'must be 0 or 1' },
      shownDefault: '1 with S3_ENDPOINT',
    }),
  ),
  S3_PREFIX: Type.Optional(word('Tiền tố khóa đối tượng / Object key prefix')),
})

export type Environment = Static<typeof Environment>
export type VariableName = keyof Environment & string

/** A variable's schema with the notes every declaration above carries. */
export type VariableSchema = TSchema &
  VariableNotes & { readonly type?: string; readonly description: string; readonly default?: unknown }

export const variableNames = Object.keys(Environment.properties) as VariableName[]

export const variableSchema = (name: VariableName): VariableSchema =>
  Environment.properties[name] as unknown as VariableSchema
