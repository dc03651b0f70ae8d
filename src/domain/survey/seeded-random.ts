/**
 * A seeded pseudo-random generator, so that a period's sample can be drawn again from its recorded
 * seed and checked by anyone: the seed string is hashed (FNV-1a, 32 bits) into mulberry32's state.
 * Not for secrets (tokens come from the shell's crypto), only for reproducible sampling.
 */
export function seededRandom(seed: string): () => number {
  let state = fnv1a(seed)
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
