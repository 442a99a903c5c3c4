import type { Role, UpdateUserBody, User } from '@swigs/schema';
import { changedFields, forbiddenFields } from '../../lib/changes';
import { AppError } from '../../lib/errors';

export interface Actor {
  userId: string;
  role: Role;
}

/** What only administrators may change about a user. */
const adminOnlyFields = ['role', 'siteIds', 'active'] as const;

/**
 * canModifyUser, the rule: admins edit anyone; others edit only themselves (name, email,
 * password), never their role, sites or active flag.
 */
export function assertCanUpdateUser(actor: Actor, target: User, changes: UpdateUserBody): void {
  if (actor.role === 'admin') return;
  if (actor.userId !== target.id)
    throw new AppError('ADMIN_REQUIRED', 'Only administrators may change other users.');
  const changed = changedFields(target, changes, adminOnlyFields);
  if (changed.length > 0) throw forbiddenFields(changed);
}

/** True when the change would leave the installation without an active admin. */
export function removesLastAdmin(
  target: Pick<User, 'id' | 'role' | 'active'>,
  next: { role: Role; active: boolean } | 'deleted',
  activeAdminIds: string[],
): boolean {
  const isActiveAdmin = target.role === 'admin' && target.active;
  if (!isActiveAdmin) return false;
  const staysActiveAdmin = next !== 'deleted' && next.role === 'admin' && next.active;
  if (staysActiveAdmin) return false;
  return activeAdminIds.filter((id) => id !== target.id).length === 0;
}
