import { createHash, randomBytes } from 'node:crypto'

/** A secret for a cookie or an API token: 256 random bits, URL-safe. Only its hash is stored. */
export const newSecret = () => randomBytes(32).toString('base64url')
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex')
