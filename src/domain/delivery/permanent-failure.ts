/**
 * A failure the relay must not retry: the partner refused the message as malformed. Adapters throw
 * it, the relay dead-letters on it; it lives here so neither has to import the other.
 */
export class PermanentFailure extends Error {}
