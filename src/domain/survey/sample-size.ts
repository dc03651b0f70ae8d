/**
 * Cỡ mẫu (Yamane's formula, as the brief of issue 18 §3 fixes it): n = N / (1 + N·e²), rounded up.
 * The margin e is given in basis points (500 = 5 %) so the computation is exact integer arithmetic:
 * n = ⌈N·10⁸ / (10⁸ + N·e_bp²)⌉, with no floating-point rounding at the ceiling.
 */
export function sampleSize(population: number, marginBasisPoints: number): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError('population must be a natural number')
  if (!Number.isInteger(marginBasisPoints) || marginBasisPoints < 1 || marginBasisPoints > 10_000)
    throw new RangeError('margin must be 1..10000 basis points')
  const scale = 100_000_000n
  const numerator = BigInt(population) * scale
  const denominator = scale + BigInt(population) * BigInt(marginBasisPoints) ** 2n
  return Number((numerator + denominator - 1n) / denominator)
}

/** The default margin of error: 5 %. */
export const defaultMarginBasisPoints = 500
