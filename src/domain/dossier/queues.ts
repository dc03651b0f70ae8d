import { Role } from './actor.ts'
import { DossierStatus } from './status.ts'

/** The roles that have a work queue (hàng đợi) at their agency. */
export const QueueRole = {
  CounterOfficer: Role.CounterOfficer,
  Specialist: Role.Specialist,
  Leader: Role.Leader,
  Clerk: Role.Clerk,
} as const
export type QueueRole = (typeof QueueRole)[keyof typeof QueueRole]

/**
 * The statuses a role's queue holds. The counter: online submissions to check, received dossiers to
 * transfer, supplements and payments awaited, results to return. The others: dossiers in processing
 * (which step is theirs is read from the current phase).
 */
export const QueueStatuses: Readonly<Record<QueueRole, readonly DossierStatus[]>> = {
  [QueueRole.CounterOfficer]: [
    DossierStatus.Submitted,
    DossierStatus.Received,
    DossierStatus.SupplementRequested,
    DossierStatus.PaymentRequired,
    DossierStatus.Done,
  ],
  [QueueRole.Specialist]: [DossierStatus.Processing],
  [QueueRole.Leader]: [DossierStatus.Processing],
  [QueueRole.Clerk]: [DossierStatus.Processing],
}
