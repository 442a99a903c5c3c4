import type { createUserBody, UpdateUserBody, User, userListQuery } from '@swigs/schema';
import type { z } from 'zod';
import type { Transact } from '../../db/client';
import { AppError, fieldError, notFound, versionConflict } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import type { PasswordHasher } from '../../lib/passwords';
import type { AuditRepository } from '../audit/audit.repository';
import { type AuditActor, describeUpdate, systemActor } from '../audit/audit-actor';
import type { SessionsRepository } from '../auth/sessions.repository';
import { type Actor, assertCanUpdateUser, removesLastAdmin } from './users.policy';
import type { UsersRepository } from './users.repository';

export interface UsersServiceDeps {
  users: UsersRepository;
  sessions: Pick<SessionsRepository, 'revokeAllForUser'>;
  /** Returns the ids among `ids` that name no site. */
  findUnknownSiteIds(ids: string[]): Promise<string[]>;
  passwords: Pick<PasswordHasher, 'hash' | 'verify'>;
  audit: Pick<AuditRepository, 'record'>;
  transact: Transact;
}

export function createUsersService(deps: UsersServiceDeps) {
  const { users, sessions, passwords, audit, transact } = deps;

  async function requireUser(id: string): Promise<User> {
    const user = await users.findById(id);
    if (!user) throw notFound('USER_NOT_FOUND', 'This user');
    return user;
  }

  async function assertSitesExist(siteIds: string[] | undefined) {
    if (!siteIds || siteIds.length === 0) return;
    const unknown = await deps.findUnknownSiteIds(siteIds);
    if (unknown.length > 0)
      throw fieldError('siteIds', `Unknown site id(s): ${unknown.join(', ')}.`, 'unknown_site');
  }

  async function assertEmailFree(email: string | undefined, exceptUserId?: string) {
    if (email && (await users.isEmailTaken(email, exceptUserId))) {
      throw new AppError('EMAIL_TAKEN', 'Another user already has this email.', {
        errors: [{ field: 'email', message: 'Another user already has this email.', code: 'taken' }],
      });
    }
  }

  return {
    async listUsers(query: z.output<typeof userListQuery>) {
      const { rows, total } = await users.list(query);
      return pageOf(rows, total, query);
    },

    getUser: requireUser,

    async createUser(body: z.output<typeof createUserBody>, by: AuditActor = systemActor): Promise<User> {
      await assertEmailFree(body.email);
      await assertSitesExist(body.siteIds);
      const passwordHash = await passwords.hash(body.password);
      const id = await transact(async (tx) => {
        const userId = await users.insert(tx, {
          email: body.email,
          name: body.name,
          passwordHash,
          role: body.role,
          active: body.active,
        });
        await users.replaceSites(tx, userId, body.siteIds);
        await audit.record(tx, {
          siteId: null,
          actor: by,
          action: 'create',
          entity: 'user',
          entityId: userId,
          summary: `Created ${body.role} ${body.email}`,
        });
        return userId;
      });
      return requireUser(id);
    },

    /**
     * Applies an edit under the canModifyUser rule. A new password or a deactivation ends every
     * session of that user at once; a user changing their own password must give the current one.
     */
    async updateUser(
      actor: Actor,
      id: string,
      body: UpdateUserBody,
      ifMatch?: number,
      by: AuditActor = systemActor,
    ): Promise<User> {
      const target = await requireUser(id);
      assertCanUpdateUser(actor, target, body);
      const expectedVersion = body.version ?? ifMatch;
      if (expectedVersion !== undefined && expectedVersion !== target.version)
        throw versionConflict(target.version);

      if (body.password && actor.userId === id) {
        const credentials = await users.findCredentialsById(id);
        const ok =
          body.currentPassword !== undefined &&
          credentials !== undefined &&
          (await passwords.verify(body.currentPassword, credentials.passwordHash));
        if (!ok) {
          throw new AppError('WRONG_PASSWORD', 'The current password is not correct.', {
            errors: [
              {
                field: 'currentPassword',
                message: 'The current password is not correct.',
                code: 'wrong_password',
              },
            ],
          });
        }
      }
      const email = body.email !== undefined && body.email !== target.email ? body.email : undefined;
      if (body.password && body.password.trim().toLowerCase() === (email ?? target.email)) {
        throw fieldError('password', 'The password must not be the email address.');
      }
      await assertEmailFree(email, id);
      if (body.siteIds) await assertSitesExist(body.siteIds);
      const passwordHash = body.password ? await passwords.hash(body.password) : undefined;
      const next = { role: body.role ?? target.role, active: body.active ?? target.active };

      await transact(async (tx) => {
        if (removesLastAdmin(target, next, await users.lockActiveAdminIds(tx))) {
          throw new AppError('LAST_ADMIN', 'The last active administrator cannot be demoted or deactivated.');
        }
        const updated = await users.update(
          tx,
          id,
          {
            ...(email ? { email } : {}),
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(passwordHash ? { passwordHash } : {}),
            ...(body.role !== undefined ? { role: body.role } : {}),
            ...(body.active !== undefined ? { active: body.active } : {}),
          },
          target.version,
        );
        if (!updated) {
          const current = await users.findById(id, tx);
          if (!current) throw notFound('USER_NOT_FOUND', 'This user');
          throw versionConflict(current.version);
        }
        if (body.siteIds) await users.replaceSites(tx, id, body.siteIds);
        if (passwordHash || next.active === false) await sessions.revokeAllForUser(tx, id);
        const changed = [
          ...(email ? ['email'] : []),
          ...(body.name !== undefined && body.name !== target.name ? ['name'] : []),
          ...(passwordHash ? ['password'] : []),
          ...(body.role !== undefined && body.role !== target.role ? ['role'] : []),
          ...(body.active !== undefined && body.active !== target.active ? ['active'] : []),
          ...(body.siteIds ? ['sites'] : []),
        ];
        await audit.record(tx, {
          siteId: null,
          actor: by,
          action: 'update',
          entity: 'user',
          entityId: id,
          summary: describeUpdate('user', target.email, changed),
        });
      });
      return requireUser(id);
    },

    async deleteUser(id: string, by: AuditActor = systemActor): Promise<void> {
      const target = await requireUser(id);
      await transact(async (tx) => {
        if (removesLastAdmin(target, 'deleted', await users.lockActiveAdminIds(tx))) {
          throw new AppError('LAST_ADMIN', 'The last active administrator cannot be deleted.');
        }
        await users.delete(tx, id);
        await audit.record(tx, {
          siteId: null,
          actor: by,
          action: 'delete',
          entity: 'user',
          entityId: id,
          summary: `Deleted user ${target.email}`,
        });
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
