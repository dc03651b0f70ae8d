const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín']
const scales = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ']

/** One group of three digits; `full` when a higher group precedes it ("không trăm linh năm"). */
function group(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100)
  const t = Math.floor(n / 10) % 10
  const u = n % 10
  const words: string[] = []
  if (full || h > 0) words.push(digits[h] as string, 'trăm')
  if (t === 0) {
    if (u > 0 && (full || h > 0)) words.push('linh')
  } else words.push(...(t === 1 ? ['mười'] : [digits[t] as string, 'mươi']))
  if (u > 0)
    words.push(u === 1 && t >= 2 ? 'mốt' : u === 5 && t >= 1 ? 'lăm' : u === 4 && t >= 2 ? 'tư' : (digits[u] as string))
  return words
}

/** Số tiền bằng chữ: a whole amount of đồng in Vietnamese words, capitalised ("Một trăm nghìn đồng"). */
export function amountInWords(amountVnd: number): string {
  if (!Number.isSafeInteger(amountVnd) || amountVnd < 0) throw new RangeError(`not an amount: ${amountVnd}`)
  const groups: number[] = []
  for (let n = amountVnd; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000)
  const words: string[] = []
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number
    if (g === 0) continue
    words.push(...group(g, i < groups.length - 1), ...(scales[i] ? [scales[i] as string] : []))
  }
  const text = words.length === 0 ? 'không' : words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng`
}
