/** Why a received package cannot be taken in: where (an element path) and why, in Vietnamese and English. */
export type PackageProblem = { readonly path: string; readonly vi: string; readonly en: string }

export const missing = (path: string): PackageProblem => ({
  path,
  vi: `Thiếu thành phần bắt buộc ${path}`,
  en: `Required element ${path} is missing`,
})

export const invalid = (path: string, what: { vi: string; en: string }): PackageProblem => ({
  path,
  vi: `${path} không hợp lệ: ${what.vi}`,
  en: `${path} is invalid: ${what.en}`,
})
