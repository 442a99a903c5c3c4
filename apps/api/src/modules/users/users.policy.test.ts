import type { User } from '@swigs/schema';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { assertCanUpdateUser, removesLastAdmin } from './users.policy';

const editor: User = {
  id: 'e1',
  email: 'e@example.ch',
  name: 'E',
  role: 'editor',
  siteIds: ['s1', 's2'],
  active: true,
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('assertCanUpdateUser (canModifyUser)', () => {
  const self = { userId: 'e1', role: 'editor' as const };
  it('lets an editor change own name, email and password', () => {
    expect(
      codeOf(() =>
        assertCanUpdateUser(self, editor, { name: 'N', email: 'n@example.ch', password: 'x'.repeat(12) }),
      ),
    ).toBeUndefined();
  });
  it('refuses own role, sites or active flag changes, naming the fields', () => {
    try {
      assertCanUpdateUser(self, editor, { role: 'admin', siteIds: ['s1'], active: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('FIELD_FORBIDDEN');
      expect((error as AppError).extras.errors?.map((e) => e.field)).toEqual(['role', 'siteIds', 'active']);
    }
  });
  it('accepts the same values sent back (sites in any order)', () => {
    expect(
      codeOf(() =>
        assertCanUpdateUser(self, editor, { role: 'editor', siteIds: ['s2', 's1'], active: true }),
      ),
    ).toBeUndefined();
  });
  it('refuses editing someone else; admins edit anyone', () => {
    expect(
      codeOf(() => assertCanUpdateUser({ userId: 'other', role: 'editor' }, editor, { name: 'N' })),
    ).toBe('ADMIN_REQUIRED');
    expect(
      codeOf(() =>
        assertCanUpdateUser({ userId: 'a', role: 'admin' }, editor, { role: 'admin', active: false }),
      ),
    ).toBeUndefined();
  });
});

describe('removesLastAdmin', () => {
  const admin = { id: 'a1', role: 'admin' as const, active: true };
  it('is true only when the only active admin stops being one', () => {
    expect(removesLastAdmin(admin, 'deleted', ['a1'])).toBe(true);
    expect(removesLastAdmin(admin, { role: 'editor', active: true }, ['a1'])).toBe(true);
    expect(removesLastAdmin(admin, { role: 'admin', active: false }, ['a1'])).toBe(true);
    expect(removesLastAdmin(admin, { role: 'admin', active: true }, ['a1'])).toBe(false);
    expect(removesLastAdmin(admin, 'deleted', ['a1', 'a2'])).toBe(false);
    expect(removesLastAdmin({ id: 'e', role: 'editor', active: true }, 'deleted', ['a1'])).toBe(false);
  });
});
