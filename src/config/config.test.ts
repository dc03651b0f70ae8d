import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

/** The problems loadConfig reports for `env`, or [] when it accepts it. */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env)
    return []
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error))
    return error.problems
  }
}

describe('loadConfig', () => {
  test('an empty environment gives the documented defaults', () => {
    const config = loadConfig({})
    assert.deepEqual(config.database, { url: null, poolMax: 10 })
    assert.deepEqual(config.http, {
      port: 3000,
      host: 'localhost',
      logLevel: 'info',
      publicBaseUrl: 'http://localhost:3000',
    })
    assert.deepEqual(config.relay, { intervalMs: 1000, maxAttempts: 10, leaseMs: 60_000 })
    assert.equal(config.partnerTimeoutMs, 10_000)
    assert.deepEqual(config.deadlineWatch, { enabled: true, intervalMs: 60_000, leaseMs: 300_000 })
    assert.equal(config.draftTtlDays, 30)
    assert.equal(config.demo, true, 'the embedded database is the demo')
    assert.deepEqual(
      [config.portal, config.mail, config.sms, config.vnpay, config.vneid, config.s3],
      Array(6).fill(null),
    )
    assert.equal(config.refundOnWithdrawal, true)
  })

  test('the configuration is typed from the strings and frozen all the way down', () => {
    const config = loadConfig({
      MOTCUA_RELAY_INTERVAL_MS: '250',
      PAYMENT_REFUND_ON_WITHDRAWAL: 'false',
      PG_POOL_MAX: '',
    })
    assert.equal(config.relay.intervalMs, 250)
    assert.equal(config.refundOnWithdrawal, false)
    assert.equal(config.database.poolMax, 10, 'an empty value counts as unset')
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.relay))
  })

  test('a word where a number belongs is named, with its problem, the expected form and the value', () => {
    assert.deepEqual(problemsOf({ MOTCUA_RELAY_INTERVAL_MS: 'abc' }), [
      'MOTCUA_RELAY_INTERVAL_MS: phải là số nguyên dương (mili giây) / must be a positive integer (milliseconds), got "abc"',
    ])
  })

  test('a fraction, a hexadecimal, zero and a number out of range are refused, never rounded', () => {
    for (const value of ['1.5', '0x10', '0', '-5', '1e3'])
      assert.equal(problemsOf({ MOTCUA_RELAY_INTERVAL_MS: value }).length, 1, value)
    assert.match(problemsOf({ PORT: '70000' })[0] ?? '', /^PORT: phải là số cổng từ 1 đến 65535 .*got "70000"$/)
  })

  test('a value outside an enumeration lists the allowed ones', () => {
    assert.match(
      problemsOf({ LOG_LEVEL: 'loud' })[0] ?? '',
      /must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/,
    )
    assert.match(problemsOf({ PAYMENT_REFUND_ON_WITHDRAWAL: 'no' })[0] ?? '', /must be true or false, got "no"/)
    assert.match(problemsOf({ MOTCUA_DEMO: 'yes' })[0] ?? '', /^MOTCUA_DEMO: phải là 0 hoặc 1 \/ must be 0 or 1/)
  })

  test('a malformed URL is refused by the scheme it needs', () => {
    assert.match(
      problemsOf({ PUBLIC_BASE_URL: 'motcua.gov.vn' })[0] ?? '',
      /^PUBLIC_BASE_URL: .*must be an http\(s\):\/\/ URL/,
    )
    assert.match(
      problemsOf({
        VNEID_ISSUER: 'http://id.vn',
        VNEID_CLIENT_ID: 'a',
        VNEID_CLIENT_SECRET: 'b',
        VNEID_REDIRECT_URI: 'https://x/cb',
      })[0] ?? '',
      /^VNEID_ISSUER: .*https:\/\//,
    )
  })

  test('a wrong secret is named but its value never printed', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/motcua' })
    assert.match(
      problem ?? '',
      /^DATABASE_URL: phải là địa chỉ postgres:\/\/… \/ must be a postgres:\/\/ URL, got a secret value of 30 characters \(not shown\)$/,
    )
    assert.doesNotMatch(problem ?? '', /hunter2/)
  })

  test('every problem is reported at once, not the first only', () => {
    assert.deepEqual(
      problemsOf({ PORT: 'x', PG_POOL_MAX: 'y', SMTP_URL: 'smtp://h' }).map((p) => p.split(':')[0]),
      ['PG_POOL_MAX', 'PORT', 'MAIL_FROM', 'SMS_GATEWAY_URL'],
    )
  })

  test('the portal needs its address and its key together', () => {
    assert.deepEqual(problemsOf({ PORTAL_BASE_URL: 'https://dichvucong.gov.vn' }), [
      'PORTAL_API_KEY: cần đặt khi có PORTAL_BASE_URL (Cổng DVCQG cần địa chỉ và khóa API) / required when PORTAL_BASE_URL is set (the national portal needs its address and API key)',
    ])
    assert.match(
      problemsOf({ PORTAL_API_KEY: 'k' })[0] ?? '',
      /^PORTAL_BASE_URL: .*required when PORTAL_API_KEY is set/,
    )
  })

  test('e-mail needs a sender and SMS; SMS needs its key and e-mail', () => {
    assert.deepEqual(
      problemsOf({ SMTP_URL: 'smtp://mail.example.vn:587' }).map((p) => p.split(':')[0]),
      ['MAIL_FROM', 'SMS_GATEWAY_URL'],
    )
    assert.deepEqual(
      problemsOf({ SMS_GATEWAY_URL: 'https://sms.example.vn/send' }).map((p) => p.split(':')[0]),
      ['SMS_API_KEY', 'SMTP_URL'],
    )
    assert.match(
      problemsOf({ MAIL_FROM: 'motcua@example.vn' })[0] ?? '',
      /^MAIL_FROM: .*has no effect without SMTP_URL/,
    )
  })

  test('the payment settings are all or none', () => {
    assert.deepEqual(
      problemsOf({ VNPAY_TMN_CODE: 'KHOA0001' }).map((p) => p.split(':')[0]),
      ['VNPAY_HASH_SECRET', 'VNPAY_PAY_URL'],
    )
    assert.match(
      problemsOf({ VNPAY_API_URL: 'https://vnpay.vn/api' })[0] ?? '',
      /^VNPAY_API_URL: .*without VNPAY_PAY_URL/,
    )
    const vnpay = loadConfig({
      VNPAY_TMN_CODE: 'KHOA0001',
      VNPAY_HASH_SECRET: 's',
      VNPAY_PAY_URL: 'https://pay.vn/p',
    }).vnpay
    assert.equal(vnpay?.apiUrl, 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction')
  })

  test('a partner call must end before the relay’s lease does', () => {
    assert.deepEqual(problemsOf({ MOTCUA_PARTNER_TIMEOUT_MS: '60000' }), [
      'MOTCUA_PARTNER_TIMEOUT_MS: phải nhỏ hơn MOTCUA_RELAY_LEASE_MS (60000) / must be less than MOTCUA_RELAY_LEASE_MS (60000), got "60000"',
    ])
    assert.equal(problemsOf({ MOTCUA_RELAY_LEASE_MS: '5000', MOTCUA_PARTNER_TIMEOUT_MS: '4999' }).length, 0)
    assert.equal(problemsOf({ MOTCUA_RELAY_LEASE_MS: '5000' }).length, 1, 'the default timeout against a shorter lease')
  })

  test('the deadline watcher renews its lease before it lapses: the interval is shorter than the lease', () => {
    assert.deepEqual(problemsOf({ MOTCUA_DEADLINE_WATCH_INTERVAL_MS: '300000' }), [
      'MOTCUA_DEADLINE_WATCH_INTERVAL_MS: phải nhỏ hơn MOTCUA_DEADLINE_WATCH_LEASE_MS (300000) / must be less than MOTCUA_DEADLINE_WATCH_LEASE_MS (300000), got "300000"',
    ])
    assert.equal(
      problemsOf({ MOTCUA_DEADLINE_WATCH_INTERVAL_MS: '1000', MOTCUA_DEADLINE_WATCH_LEASE_MS: '1001' }).length,
      0,
    )
  })

  test('S3 settings without a bucket, and half an S3 key pair, are refused', () => {
    assert.match(problemsOf({ S3_ENDPOINT: 'http://127.0.0.1:9000' })[0] ?? '', /^S3_ENDPOINT: .*without S3_BUCKET/)
    assert.match(problemsOf({ S3_BUCKET: 'b', AWS_ACCESS_KEY_ID: 'a' })[0] ?? '', /^AWS_SECRET_ACCESS_KEY: /)
    const s3 = loadConfig({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000' }).s3
    assert.equal(s3?.forcePathStyle, true, 'an S3-compatible endpoint uses path-style addressing by default')
  })

  test('handing online submission to the national portal needs its submission page, with {code}', () => {
    assert.match(
      problemsOf({ MOTCUA_LOCAL_ONLINE_SUBMISSION: 'false' })[0] ?? '',
      /^PORTAL_SUBMISSION_URL: .*MOTCUA_LOCAL_ONLINE_SUBMISSION=false/,
    )
    assert.match(problemsOf({ PORTAL_SUBMISSION_URL: 'https://dichvucong.gov.vn/p' })[0] ?? '', /PORTAL_SUBMISSION_URL/)
    const entry = loadConfig({
      MOTCUA_LOCAL_ONLINE_SUBMISSION: 'false',
      PORTAL_SUBMISSION_URL: 'https://dichvucong.gov.vn/p?ma_thu_tuc={code}',
    }).onlineEntry
    assert.deepEqual(entry, {
      nationalSubmissionUrl: 'https://dichvucong.gov.vn/p?ma_thu_tuc={code}',
      localOnlineSubmission: false,
    })
    assert.deepEqual(loadConfig({}).onlineEntry, { nationalSubmissionUrl: null, localOnlineSubmission: true })
  })

  test('PostgreSQL turns the demo off unless MOTCUA_DEMO=1', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/motcua' }).demo, false)
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/motcua', MOTCUA_DEMO: '1' }).demo, true)
    assert.equal(loadConfig({ MOTCUA_DEMO: '0' }).demo, false)
  })
})

const whole = {
  DOCUMENT_AXIS_BASE_URL: 'https://truc.example.gov.vn',
  DOCUMENT_AXIS_SYSTEM_ID: 'motcua-khanh-hoa',
  DOCUMENT_AXIS_SECRET: 's3cret',
  DOCUMENT_AXIS_AGENCY_CODE: '000.00.00.H34',
  DOCUMENT_AXIS_AGENCY_NAME: 'Ủy ban nhân dân tỉnh Khánh Hòa',
  DOCUMENT_AXIS_SIGNING_KEY_FILE: '/etc/motcua/axis-key.pem',
  DOCUMENT_AXIS_SIGNING_CERTIFICATE_FILE: '/etc/motcua/axis-cert.pem',
}

describe('the national document axis is configured whole or not at all', () => {
  test('unset, there is no axis', () => {
    assert.equal(loadConfig({}).documentAxis, null)
  })

  test('every setting given: the axis with its connection point, signing files, the default pull interval and directory period', () => {
    assert.deepEqual(loadConfig(whole).documentAxis, {
      baseUrl: 'https://truc.example.gov.vn',
      systemId: 'motcua-khanh-hoa',
      secret: 's3cret',
      connectionPoint: { organId: '000.00.00.H34', name: 'Ủy ban nhân dân tỉnh Khánh Hòa' },
      signing: { keyFile: '/etc/motcua/axis-key.pem', certificateFile: '/etc/motcua/axis-cert.pem' },
      pullIntervalMs: 60_000,
      directoryRefreshHours: 24,
    })
  })

  test('the address alone is refused, naming each of the six settings it lacks', () => {
    const problems = problemsOf({ DOCUMENT_AXIS_BASE_URL: 'https://truc.example.gov.vn' })
    assert.deepEqual(
      problems.map((p) => p.split(':')[0]),
      Object.keys(whole).filter((k) => k !== 'DOCUMENT_AXIS_BASE_URL'),
    )
  })

  test('a pull interval without the axis is a mistake, not a setting', () => {
    assert.match(
      problemsOf({ DOCUMENT_AXIS_PULL_INTERVAL_MS: '5000' })[0] ?? '',
      /^DOCUMENT_AXIS_PULL_INTERVAL_MS: .*without/,
    )
  })

  test('an agency code not in the QCVN 102 form is refused', () => {
    assert.match(problemsOf({ ...whole, DOCUMENT_AXIS_AGENCY_CODE: 'H34' })[0] ?? '', /^DOCUMENT_AXIS_AGENCY_CODE: /)
  })
})
