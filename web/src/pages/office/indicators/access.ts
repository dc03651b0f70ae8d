import type { Grant } from '../../../session.tsx'

/** Roles that read the indicators and the II.06a report (Permission.IndicatorsRead). */
const indicatorRoles = ['monitor', 'provincial_admin', 'leader', 'agency_admin']

export const readsIndicators = (grants: Grant[]) => grants.some((g) => indicatorRoles.includes(g.role))
