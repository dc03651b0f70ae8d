import type { Environment, VariableName } from './environment.ts'

/** The variables as set (parsed, before defaults): what the relations between them are judged on. */
type Given = Partial<Environment>

type Purpose = { readonly vi: string; readonly en: string }

const isSet = (given: Given, name: VariableName) => given[name] !== undefined

/** When `key` is set, each of `members` must be too: one setting is useless without the others. */
function required(key: VariableName, members: readonly VariableName[], why: Purpose) {
  return (given: Given) =>
    isSet(given, key)
      ? members
          .filter((m) => !isSet(given, m))
          .map((m) => `${m}: cần đặt khi có ${key} (${why.vi}) / required when ${key} is set (${why.en})`)
      : []
}

/** Each of `members` means something only with `key`: set alone it is a mistake, not a setting. */
function onlyWith(key: VariableName, members: readonly VariableName[]) {
  return (given: Given) =>
    isSet(given, key)
      ? []
      : members
          .filter((m) => isSet(given, m))
          .map(
            (m) =>
              `${m}: không có tác dụng khi thiếu ${key}, hãy đặt ${key} hoặc bỏ ${m} / ` +
              `has no effect without ${key}: set ${key} or remove ${m}`,
          )
}

const portal = { vi: 'Cổng DVCQG cần địa chỉ và khóa API', en: 'the national portal needs its address and API key' }
const inbound = {
  vi: 'nhận hồ sơ từ Cổng DVCQG lấy tệp và báo tiếp nhận qua Cổng',
  en: 'inbound dossiers fetch attachments and acknowledge through the portal',
}
const inboundPush = {
  vi: 'lời gọi đẩy được xác thực bằng khóa API và chữ ký',
  en: 'a push is checked by API key and signature',
}
const notices = {
  vi: 'thông báo gửi cả e-mail và SMS, người gửi và khóa API',
  en: 'notices go by e-mail and SMS, with a sender and an API key',
}
const vnpay = { vi: 'thanh toán VNPay cần đủ mã, khóa và trang', en: 'VNPay needs its code, key and page together' }
const vneid = { vi: 'đăng nhập VNeID cần đủ thông tin ứng dụng', en: 'VNeID sign-in needs the whole client' }
const axis = {
  vi: 'trục liên thông cần địa chỉ, mã hệ thống, khóa, mã và tên điểm kết nối, khóa ký và chứng thư',
  en: 'the axis needs its address, system id, secret, our code and name, signing key and certificate',
}
const axisSettings: readonly VariableName[] = [
  'DOCUMENT_AXIS_BASE_URL',
  'DOCUMENT_AXIS_SYSTEM_ID',
  'DOCUMENT_AXIS_SECRET',
  'DOCUMENT_AXIS_AGENCY_CODE',
  'DOCUMENT_AXIS_AGENCY_NAME',
  'DOCUMENT_AXIS_SIGNING_KEY_FILE',
  'DOCUMENT_AXIS_SIGNING_CERTIFICATE_FILE',
]
const s3Keys = { vi: 'khóa truy cập S3 đi theo cặp', en: 'S3 keys come as a pair' }

/** The relations between variables, each returning its problems (none when it holds). */
export const relations: readonly ((given: Given, resolved: Environment) => string[])[] = [
  required('PORTAL_BASE_URL', ['PORTAL_API_KEY'], portal),
  required('PORTAL_API_KEY', ['PORTAL_BASE_URL'], portal),
  required('PORTAL_INBOUND_MODE', ['PORTAL_BASE_URL', 'PORTAL_API_KEY'], inbound),
  onlyWith('PORTAL_INBOUND_MODE', [
    'PORTAL_INBOUND_API_KEY',
    'PORTAL_INBOUND_SECRET',
    'PORTAL_INBOUND_PULL_INTERVAL_MS',
  ]),
  (given) =>
    given.PORTAL_INBOUND_MODE === 'push'
      ? (['PORTAL_INBOUND_API_KEY', 'PORTAL_INBOUND_SECRET'] as const)
          .filter((m) => given[m] === undefined)
          .map(
            (m) =>
              `${m}: cần đặt khi PORTAL_INBOUND_MODE=push (${inboundPush.vi}) / required when PORTAL_INBOUND_MODE=push (${inboundPush.en})`,
          )
      : [],
  (given, resolved) =>
    resolved.MOTCUA_PORTAL_RECONCILE === 'on' && !(given.PORTAL_BASE_URL && given.PORTAL_API_KEY)
      ? [
          `MOTCUA_PORTAL_RECONCILE: cần PORTAL_BASE_URL và PORTAL_API_KEY khi bật (${portal.vi}) / needs PORTAL_BASE_URL and PORTAL_API_KEY when on (${portal.en})`,
        ]
      : [],
  required('SMTP_URL', ['MAIL_FROM', 'SMS_GATEWAY_URL'], notices),
  required('SMS_GATEWAY_URL', ['SMS_API_KEY', 'SMTP_URL'], notices),
  onlyWith('SMTP_URL', ['MAIL_FROM']),
  onlyWith('SMS_GATEWAY_URL', ['SMS_API_KEY', 'SMS_BRANDNAME']),
  // The axis is configured whole or not at all: a half configuration would send unsigned or unanswerable packages.
  (given) => {
    const set = axisSettings.filter((m) => isSet(given, m))
    if (set.length === 0)
      return onlyWith('DOCUMENT_AXIS_BASE_URL', [
        'DOCUMENT_AXIS_PULL_INTERVAL_MS',
        'DOCUMENT_AXIS_DIRECTORY_REFRESH_HOURS',
      ])(given)
    return axisSettings
      .filter((m) => !isSet(given, m))
      .map((m) => `${m}: cần đặt khi có ${set[0]} (${axis.vi}) / required when ${set[0]} is set (${axis.en})`)
  },
  required('VNPAY_TMN_CODE', ['VNPAY_HASH_SECRET', 'VNPAY_PAY_URL'], vnpay),
  required('VNPAY_HASH_SECRET', ['VNPAY_TMN_CODE', 'VNPAY_PAY_URL'], vnpay),
  required('VNPAY_PAY_URL', ['VNPAY_TMN_CODE', 'VNPAY_HASH_SECRET'], vnpay),
  onlyWith('VNPAY_PAY_URL', ['VNPAY_API_URL']),
  required('VNEID_ISSUER', ['VNEID_CLIENT_ID', 'VNEID_CLIENT_SECRET', 'VNEID_REDIRECT_URI'], vneid),
  onlyWith('VNEID_ISSUER', [
    'VNEID_CLIENT_ID',
    'VNEID_CLIENT_SECRET',
    'VNEID_REDIRECT_URI',
    'VNEID_SCOPE',
    'VNEID_IDENTITY_CLAIM',
  ]),
  onlyWith('S3_BUCKET', ['S3_ENDPOINT', 'S3_REGION', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX']),
  required('AWS_ACCESS_KEY_ID', ['AWS_SECRET_ACCESS_KEY'], s3Keys),
  required('AWS_SECRET_ACCESS_KEY', ['AWS_ACCESS_KEY_ID'], s3Keys),
  // Handing online submission over to the national portal leaves citizens no online entry unless
  // the procedure pages can link to it.
  (_given, resolved) =>
    resolved.MOTCUA_LOCAL_ONLINE_SUBMISSION || resolved.PORTAL_SUBMISSION_URL !== undefined
      ? []
      : [
          'PORTAL_SUBMISSION_URL: cần đặt khi MOTCUA_LOCAL_ONLINE_SUBMISSION=false (công dân nộp trực tuyến qua Cổng DVCQG) / ' +
            'required when MOTCUA_LOCAL_ONLINE_SUBMISSION=false (citizens submit online through the national portal)',
        ],
  // One call to a partner must end before the relay's lease does, or a second process claims the
  // delivery while the first still waits on it.
  (_given, resolved) => {
    const lease = resolved.MOTCUA_RELAY_LEASE_MS
    const timeout = resolved.MOTCUA_PARTNER_TIMEOUT_MS
    return timeout < lease
      ? []
      : [
          `MOTCUA_PARTNER_TIMEOUT_MS: phải nhỏ hơn MOTCUA_RELAY_LEASE_MS (${lease}) / ` +
            `must be less than MOTCUA_RELAY_LEASE_MS (${lease}), got "${timeout}"`,
        ]
  },
  // The watcher renews its lease every round: a lease shorter than the interval would lapse between
  // rounds and let a second server take over while the first still runs.
  (_given, resolved) => {
    const lease = resolved.MOTCUA_DEADLINE_WATCH_LEASE_MS
    const interval = resolved.MOTCUA_DEADLINE_WATCH_INTERVAL_MS
    return interval < lease
      ? []
      : [
          `MOTCUA_DEADLINE_WATCH_INTERVAL_MS: phải nhỏ hơn MOTCUA_DEADLINE_WATCH_LEASE_MS (${lease}) / ` +
            `must be less than MOTCUA_DEADLINE_WATCH_LEASE_MS (${lease}), got "${interval}"`,
        ]
  },
]
