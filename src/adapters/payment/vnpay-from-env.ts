import type { VnpayConfig } from './vnpay.ts'

/**
 * The embedded demo's gateway: motcua's own simulator page (`/mo-phong-thanh-toan`), signing with a
 * published key. It moves no money, so the key protects nothing and may be public.
 */
export const demoVnpay = {
  tmnCode: 'MOTCUA01',
  hashSecret: 'MOTCUA-DEMO-SIMULATOR-KEY-NOT-A-SECRET',
  payPath: '/mo-phong-thanh-toan',
  apiPath: '/mo-phong-thanh-toan/api/transaction',
} as const

/**
 * VNPay as configured: `VNPAY_TMN_CODE`, `VNPAY_HASH_SECRET`, `VNPAY_PAY_URL` (and `VNPAY_API_URL`
 * for refunds, default VNPay's sandbox API); without them the demo's simulator when the demo is on,
 * else none (online payment unavailable).
 */
export function vnpayConfigFromEnv(
  env: NodeJS.ProcessEnv,
  demo: { readonly on: boolean; readonly baseUrl: string },
): VnpayConfig | null {
  if (env.VNPAY_TMN_CODE && env.VNPAY_HASH_SECRET && env.VNPAY_PAY_URL)
    return {
      tmnCode: env.VNPAY_TMN_CODE,
      hashSecret: env.VNPAY_HASH_SECRET,
      payUrl: env.VNPAY_PAY_URL,
      apiUrl: env.VNPAY_API_URL ?? 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
    }
  if (!demo.on) return null
  return {
    tmnCode: demoVnpay.tmnCode,
    hashSecret: demoVnpay.hashSecret,
    payUrl: demoVnpay.payPath,
    apiUrl: new URL(demoVnpay.apiPath, demo.baseUrl).toString(),
  }
}
