import type { ParsedPackage } from '../../domain/documents/edxml/parse-package.ts'
import { parsePackage } from '../../domain/documents/edxml/parse-package.ts'
import { type AxisMessage, markHandedOver, notHandedOver } from '../../store/document-axis/axis-messages.ts'
import type { AxisDeps } from './axis-deps.ts'

/** Hands a stored document to the documents module and notes it; a failure leaves it for the next round. */
export async function handOver(deps: AxisDeps, message: AxisMessage, parsed?: ParsedPackage): Promise<void> {
  const p = parsed ?? readBack(message)
  await deps.onDocumentArrived({ messageId: message.id, package: p })
  await markHandedOver(deps.db, message.id, deps.now())
}

function readBack(message: AxisMessage): ParsedPackage {
  const parsed = parsePackage(message.xml)
  if (!parsed.ok) throw new Error(`stored package ${message.id} no longer parses`)
  return parsed.package
}

/** Documents stored but not handed over (the callback failed, or the process stopped in between). */
export async function handOverPending(deps: AxisDeps, limit: number): Promise<number> {
  const pending = await notHandedOver(deps.db, limit)
  for (const m of pending) await handOver(deps, m)
  return pending.length
}
