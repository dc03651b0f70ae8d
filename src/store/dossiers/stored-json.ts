import { Compile } from 'typebox/compile'
import { DossierEvent } from '../../domain/dossier/events.ts'
import { Dossier } from '../../domain/dossier/state.ts'

const stateCheck = Compile(Dossier)
const eventCheck = Compile(DossierEvent)

/** A JSONB value read back from the database that is not what the schema says: which row, what is wrong. */
export class CorruptStoredJson extends Error {
  readonly dossierId: string
  constructor(dossierId: string, what: string, errors: readonly { instancePath: string; message: string }[]) {
    const first = errors
      .slice(0, 3)
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ')
    super(`dossier ${dossierId}: stored ${what} does not match its schema (${first})`)
    this.name = 'CorruptStoredJson'
    this.dossierId = dossierId
  }
}

/** `dossiers.state` as read: checked against the `Dossier` schema (a compiled check, microseconds). */
export function checkedState(dossierId: string, value: unknown): Dossier {
  if (stateCheck.Check(value)) return value
  throw new CorruptStoredJson(dossierId, 'state', stateCheck.Errors(value))
}

/** `dossier_events.payload` as read: checked against the `DossierEvent` schema. */
export function checkedEvent(dossierId: string, seq: number, value: unknown): DossierEvent {
  if (eventCheck.Check(value)) return value
  throw new CorruptStoredJson(dossierId, `event ${seq}`, eventCheck.Errors(value))
}
