// The key type alone, free of the DOM, so code shared with the server's type-check (test/office-commands.test.ts
// reads the office's command table) can name a message without pulling the browser runtime in.
import vi from './vi.json' with { type: 'json' }

export type MessageKey = keyof typeof vi
