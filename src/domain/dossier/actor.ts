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
