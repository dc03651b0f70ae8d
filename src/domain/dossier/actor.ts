import { type Static, Type } from 'typebox'
import type { Agrees } from './schema-agrees.ts'
/** Who acts on a dossier. Officers act for one agency; the applicant and the system for none. */
export const Role = {
  /** Người nộp hồ sơ / chủ hồ sơ */
  Applicant: 'applicant',
  /** Cán bộ Bộ phận Một cửa */
  CounterOfficer: 'counter_officer',
  /** Chuyên viên */
  Specialist: 'specialist',
  /** Lãnh đạo */
  Leader: 'leader',
  /** Văn thư */
  Clerk: 'clerk',
  /** motcua itself: deadline watcher, payment gateway callbacks */
  System: 'system',
} as const
export type Role = (typeof Role)[keyof typeof Role]

export type Actor = {
  readonly id: string
  readonly name: string
  readonly role: Role
  /** The agency the officer acts for; null for applicants and the system. */
  readonly agencyId: string | null
}

/** An actor as events and commands carry it. */
export const Actor = Type.Object({
  id: Type.String({ description: 'The account (officer, citizen) or the system component that acted' }),
  name: Type.String({ description: 'Name shown in the timeline and on the control sheet (form 06)' }),
  role: Type.Enum(Object.values(Role), { description: 'The role acted in (rules.md §1)' }),
  agencyId: Type.Union([Type.String(), Type.Null()], {
    description: 'The agency acted for; null for applicants and the system',
  }),
})
export const actorSchemaAgrees: Agrees<Static<typeof Actor>, Actor> = true
