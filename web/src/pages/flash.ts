/** A message that outlives one navigation ("Đã gửi hồ sơ" shown on the page the form leads to). */
let pending: string | null = null

export function setFlash(message: string): void {
  pending = message
}

/** The pending message, once: reading it clears it. */
export function takeFlash(): string | null {
  const message = pending
  pending = null
  return message
}
