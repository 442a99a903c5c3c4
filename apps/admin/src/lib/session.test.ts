import type { Session, User } from '@swigs/schema';
import { describe, expect, it, vi } from 'vitest';
import { createSession, type SessionAuth } from './session';

const user: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'alice@example.ch',
  name: 'Alice',
  role: 'admin',
  siteIds: [],
  active: true,
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};
const issued = (token: string): Session => ({ accessToken: token, expiresIn: 900, user });
class Unauthenticated extends Error {}

function setup(auth: Partial<SessionAuth>) {
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const session = createSession({
    auth: {
      login: auth.login ?? (async () => issued('login')),
      refresh: auth.refresh ?? (async () => issued('refreshed')),
      logout: auth.logout ?? (async () => undefined),
    },
    isUnauthenticated: (error) => error instanceof Unauthenticated,
    now: () => 1_000_000,
    setTimer: (callback, ms) => {
      timers.push({ callback, ms });
      return timers.length;
    },
    clearTimer: () => {},
    withLock: (task) => task(),
  });
  return { session, timers };
}

describe('browser session', () => {
  it('restores a session from the refresh cookie on start and schedules the next refresh before expiry', async () => {
    const { session, timers } = setup({});
    expect(session.getState().status).toBe('loading');
    expect(await session.start()).toBe(true);
    expect(session.getState()).toEqual({ status: 'authenticated', user });
    expect(session.getAccessToken()).toBe('refreshed');
    // 900 s token, refreshed 60 s before it expires.
    expect(timers.at(-1)?.ms).toBe(840_000);
  });

  it('is anonymous when there is no session to restore', async () => {
    const { session } = setup({ refresh: async () => Promise.reject(new Unauthenticated()) });
    expect(await session.start()).toBe(false);
    expect(session.getState().status).toBe('anonymous');
    expect(session.getAccessToken()).toBeUndefined();
  });

  it('runs one refresh at a time however many calls fail together', async () => {
    let release: (value: Session) => void = () => {};
    const refresh = vi.fn(() => new Promise<Session>((resolve) => (release = resolve)));
    const { session } = setup({ refresh });
    const calls = [session.handleUnauthorized(), session.handleUnauthorized(), session.handleUnauthorized()];
    release(issued('fresh'));
    expect(await Promise.all(calls)).toEqual([true, true, true]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps failed calls waiting while the session is expired, and replays them after a new login', async () => {
    const { session } = setup({ refresh: async () => Promise.reject(new Unauthenticated()) });
    await session.login({ email: user.email, password: 'secret-secret' });
    const pending = session.handleUnauthorized();
    await vi.waitFor(() => expect(session.getState().status).toBe('expired'));
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await session.login({ email: user.email, password: 'secret-secret' });
    expect(await pending).toBe(true);
    expect(session.getState().status).toBe('authenticated');
  });

  it('gives up the waiting calls when the user logs out instead', async () => {
    const { session } = setup({ refresh: async () => Promise.reject(new Unauthenticated()) });
    await session.login({ email: user.email, password: 'secret-secret' });
    const pending = session.handleUnauthorized();
    await vi.waitFor(() => expect(session.getState().status).toBe('expired'));
    await session.logout();
    expect(await pending).toBe(false);
    expect(session.getState().status).toBe('anonymous');
  });

  it('does not log out on a network failure', async () => {
    let fail = false;
    const { session } = setup({
      refresh: async () => {
        if (fail) throw new TypeError('Failed to fetch');
        return issued('ok');
      },
    });
    await session.start();
    fail = true;
    expect(await session.refresh()).toBe(false);
    expect(session.getState().status).toBe('authenticated');
    expect(session.getAccessToken()).toBe('ok');
  });
});
