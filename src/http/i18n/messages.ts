import en from './en.json' with { type: 'json' }
import vi from './vi.json' with { type: 'json' }

/** Server message keys; both catalogues must hold every key (checked by messages.test.ts). */
export type MessageKey = keyof typeof vi

export type Bilingual = { readonly vi: string; readonly en: string }

export function message(key: MessageKey): Bilingual {
  return { vi: vi[key], en: (en as Record<MessageKey, string>)[key] }
}

export const catalogues = { vi, en } as const
