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
 * VNPay as configured (`VNPAY_TMN_CODE`, `VNPAY_HASH_SECRET`, `VNPAY_PAY_URL`, `VNPAY_API_URL`);
 * without them the demo's simulator when the demo is on, else none (online payment unavailable).
 */
export function vnpayConfigFromEnv(
  configured: VnpayConfig | null,
  demo: { readonly on: boolean; readonly baseUrl: string },
  timeoutMs?: number,
): VnpayConfig | null {
  const timeout = timeoutMs === undefined ? {} : { timeoutMs }
  if (configured) return { ...configured, ...timeout }
  if (!demo.on) return null
  return {
    tmnCode: demoVnpay.tmnCode,
    hashSecret: demoVnpay.hashSecret,
    payUrl: demoVnpay.payPath,
    apiUrl: new URL(demoVnpay.apiPath, demo.baseUrl).toString(),
    ...timeout,
  }
}
