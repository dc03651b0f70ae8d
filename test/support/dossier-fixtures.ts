import assert from 'node:assert/strict'
import { type EpochMs, parseInstant } from '../../src/domain/calendar/local-time.ts'
import { type WorkingCalendar, workingCalendar } from '../../src/domain/calendar/working-calendar.ts'
import { buildWorkingDays } from '../../src/domain/calendar/working-days.ts'
import type { WorkflowStep } from '../../src/domain/catalog/procedure.ts'
import { type Actor, Role } from '../../src/domain/dossier/actor.ts'
import type { Command, Creation } from '../../src/domain/dossier/commands.ts'
import type { DecisionContext, ProcedureTerms } from '../../src/domain/dossier/context.ts'
import { create, type Decision, decide } from '../../src/domain/dossier/decide.ts'
import type { Applicant, DossierEvent } from '../../src/domain/dossier/events.ts'
import { applyEvent, type Dossier } from '../../src/domain/dossier/state.ts'
import { Channel } from '../../src/domain/dossier/status.ts'
import { publishedDecisions } from '../../src/store/seed/published-decisions.ts'

export const fixtureCalendar: WorkingCalendar = workingCalendar(buildWorkingDays(publishedDecisions()))

export const at = (iso: string): EpochMs => {
  const ms = parseInstant(iso)
  assert.ok(ms !== null, iso)
  return ms
}

const unit = 'ttpvhcc-22333'
const commune = 'xa-22333'
export const actors = {
  applicant: { id: 'cd-001', name: 'Nguyễn Thị Lan', role: Role.Applicant, agencyId: null },
  otherApplicant: { id: 'cd-002', name: 'Trần Văn Bình', role: Role.Applicant, agencyId: null },
  counter: { id: 'mc-01', name: 'Lê Thu Hà', role: Role.CounterOfficer, agencyId: unit },
  otherCounter: { id: 'mc-09', name: 'Phạm Minh', role: Role.CounterOfficer, agencyId: 'ttpvhcc-22366' },
  specialist: { id: 'cv-01', name: 'Võ Đức Sơn', role: Role.Specialist, agencyId: commune },
  otherSpecialist: { id: 'cv-02', name: 'Đỗ Thanh', role: Role.Specialist, agencyId: commune },
  leader: { id: 'ld-01', name: 'Huỳnh Quốc Nam', role: Role.Leader, agencyId: commune },
  clerk: { id: 'vt-01', name: 'Bùi Ngọc Yến', role: Role.Clerk, agencyId: commune },
  taxOfficer: { id: 'thue-01', name: 'Ngô Bảo Châu', role: Role.Specialist, agencyId: 'thue-tinh' },
  system: { id: 'system', name: 'motcua', role: Role.System, agencyId: null },
} satisfies Record<string, Actor>

export const applicant: Applicant = {
  id: actors.applicant.id,
  kind: 'citizen',
  name: actors.applicant.name,
  identityNumber: '056190000001',
  phone: '0905000001',
  email: null,
  address: 'Phường Bắc Nha Trang',
  vneid: true,
}

const steps = (coordination: boolean): WorkflowStep[] => [
  {
    name: 'Tiếp nhận hồ sơ',
    role: 'counter_officer',
    agencyKind: 'commune_service_center',
    agencyId: null,
    budgetHours: 4,
  },
  {
    name: 'Thẩm định',
    role: 'specialist',
    agencyKind: 'commune_committee',
    agencyId: null,
    budgetHours: coordination ? 32 : 52,
  },
  ...(coordination
    ? [
        {
          name: 'Xác định nghĩa vụ tài chính',
          role: 'specialist',
          agencyKind: 'central_branch',
          agencyId: 'thue-tinh',
          budgetHours: 20,
        } as const,
      ]
    : []),
  { name: 'Phê duyệt', role: 'leader', agencyKind: 'commune_committee', agencyId: null, budgetHours: 16 },
  { name: 'Trả kết quả', role: 'clerk', agencyKind: 'commune_service_center', agencyId: null, budgetHours: 8 },
]

/** A 10-working-day commune procedure (80 office hours), optionally inter-agency with the tax office. */
export function terms(overrides: Partial<ProcedureTerms> & { coordination?: boolean } = {}): ProcedureTerms {
  const { coordination = false, ...rest } = overrides
  return {
    code: '1.000001',
    version: 1,
    timeLimit: { unit: 'working_days', value: 10 },
    onlineTimeLimit: null,
    cutoffMinute: null,
    steps: steps(coordination),
    supplementLimitDays: 30,
    competentAgencyId: commune,
    paymentPausesClock: false,
    ...rest,
  }
}

export const context = (now: EpochMs, t: ProcedureTerms = terms()): DecisionContext => ({
  now,
  terms: t,
  calendar: () => fixtureCalendar,
})

/** A dossier driven through the domain, keeping its events, failing loudly on a refusal. */
export class Story {
  events: DossierEvent[] = []
  state: Dossier | null = null
  readonly procedure: ProcedureTerms
  constructor(procedure: ProcedureTerms = terms()) {
    this.procedure = procedure
  }

  get dossier(): Dossier {
    assert.ok(this.state, 'no dossier yet')
    return this.state
  }

  private take(decision: Decision): Decision {
    if (decision.ok)
      for (const e of decision.events) {
        this.events.push(e)
        this.state = applyEvent(this.state, e)
      }
    return decision
  }

  submit(when: string, channel: Channel = Channel.Online): this {
    const creation: Creation =
      channel === Channel.Online
        ? { action: 'submit', actor: actors.applicant, ...this.newDossier(channel) }
        : {
            action: 'receive-at-counter',
            actor: actors.counter,
            code: `000.33.33.H34-${when.slice(2, 4)}0101-0001`,
            ...this.newDossier(channel),
          }
    const d = this.take(create(creation, context(at(when), this.procedure)))
    assert.ok(d.ok, d.ok ? '' : d.refusal.en)
    return this
  }

  private newDossier(channel: Channel) {
    return {
      channel,
      applicant,
      procedure: { code: this.procedure.code, version: this.procedure.version },
      receivingAgencyId: unit,
      components: [{ name: 'Tờ khai', fileRef: null, digitized: false }],
    }
  }

  /** Runs a command; returns the decision (refusals are not thrown). */
  try(when: string, command: Command): Decision {
    return this.take(decide(this.dossier, command, context(at(when), this.procedure)))
  }

  /** Runs a command that must succeed. */
  do(when: string, command: Command): this {
    const d = this.try(when, command)
    assert.ok(d.ok, d.ok ? '' : `${command.action}: ${d.refusal.en}`)
    return this
  }

  receive(when: string): this {
    return this.do(when, { action: 'receive', actor: actors.counter, code: '000.33.33.H34-261123-0001' })
  }
}
