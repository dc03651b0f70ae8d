/** Roles granted to staff, each scoped to one agency (vai trò theo cơ quan). */
export const StaffRole = {
  CounterOfficer: 'counter_officer',
  Specialist: 'specialist',
  Leader: 'leader',
  Clerk: 'clerk',
  /** Quản trị cơ quan: manages the accounts of one agency */
  AgencyAdmin: 'agency_admin',
  /** Quản trị tỉnh: catalogue, calendar, all accounts */
  ProvincialAdmin: 'provincial_admin',
  /** Giám sát: reads indicators only */
  Monitor: 'monitor',
  /** Hệ thống tích hợp: an API client with scopes */
  Integration: 'integration',
} as const
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole]

export type Grant = { readonly role: StaffRole; readonly agencyId: string }

/** Who is calling: a citizen (from VNeID or the demo login), staff with grants, or an integration client. */
export type Principal =
  | {
      readonly kind: 'citizen'
      readonly userId: string
      readonly name: string
      readonly identityNumber: string | null
      /** Authenticated with VNeID (indicator 4.5) rather than the demo login. */
      readonly vneid: boolean
    }
  | {
      readonly kind: 'officer' | 'integration'
      readonly userId: string
      readonly name: string
      readonly grants: readonly Grant[]
      /** For integration clients: what the token may do (e.g. `dossiers:read`, `dossiers:write`). */
      readonly scopes: readonly string[]
    }

export const hasRole = (p: Principal | null, role: StaffRole) =>
  p !== null && p.kind !== 'citizen' && p.grants.some((g) => g.role === role)
