import { parseInstant } from '../../src/domain/calendar/local-time.ts'
import { Channel, DossierStatus } from '../../src/domain/dossier/status.ts'
import type { DossierFacts } from '../../src/domain/kpi/facts.ts'

/** A received dossier's facts for tests: instants as Vietnam local 'YYYY-MM-DDTHH:mm'. */
export function facts(
  code: string,
  o: {
    received: string
    deadline?: string | null
    end?: { kind: 'done' | 'stopped' | 'withdrawn'; at: string }
    online?: boolean
    supplements?: string[]
    pendingSince?: string
  } & Partial<Omit<DossierFacts, 'end' | 'deadlineAt'>>,
): DossierFacts {
  const at = (s: string) => parseInstant(`${s}:00+07:00`) ?? Number.NaN
  const supplements = o.supplements ?? []
  return {
    dossierId: code,
    code,
    origin: 'seed',
    status: o.end ? DossierStatus.Done : DossierStatus.Processing,
    agencyId: 'xa-1',
    fieldId: 'ho-tich',
    procedureCode: 'P1',
    channel: o.online ? Channel.Online : Channel.InPerson,
    receivedAt: at(o.received),
    deadlineAt: o.deadline === undefined || o.deadline === null ? null : at(o.deadline),
    supplementRequests: supplements.length,
    secondSupplementAt: supplements[1] === undefined ? null : at(supplements[1]),
    pendingSupplementSince: o.pendingSince === undefined ? null : at(o.pendingSince),
    end: o.end ? { kind: o.end.kind, at: at(o.end.at) } : null,
    workingMinutes: o.workingMinutes ?? null,
    feeVnd: 0,
    paidOnline: false,
    resultIsDocument: true,
    eResult: false,
    digitized: false,
    reused: false,
    citizen: true,
    vneid: false,
    portalSynced: false,
    rating: null,
    complaint: false,
    apology: false,
    steps: [],
    ...Object.fromEntries(
      Object.entries(o).filter(
        ([k]) => !['received', 'deadline', 'end', 'online', 'supplements', 'pendingSince'].includes(k),
      ),
    ),
  }
}
