import type { Transact } from '../../db/client';
import { appErrorFromDatabase } from '../../lib/db-errors';
import type { PasswordHasher } from '../../lib/passwords';
import { randomSecret } from '../../lib/tokens';
import type { UsersRepository } from './users.repository';

export interface FirstAdminDeps {
  users: Pick<UsersRepository, 'countAll' | 'insert'>;
  passwords: Pick<PasswordHasher, 'hash'>;
  transact: Transact;
}

export interface AdminSettings {
  email?: string | undefined;
  password?: string | undefined;
  name: string;
}

export const defaultAdminEmail = 'admin@swigs.local';

/**
 * On an installation without any user, creates the first admin from the configured email and
 * password. Without a configured password a strong one is generated and handed to `announce`
 * once: it is never stored anywhere but as a bcrypt hash.
 * Returns the email of the admin created, or undefined when users already existed.
 */
export async function ensureFirstAdmin(
  deps: FirstAdminDeps,
  settings: AdminSettings,
  announce: (message: string) => void,
): Promise<string | undefined> {
  if ((await deps.users.countAll()) > 0) return undefined;
  const email = (settings.email ?? defaultAdminEmail).trim().toLowerCase();
  const generated = settings.password ? undefined : randomSecret(18);
  const password = settings.password ?? generated!;
  const passwordHash = await deps.passwords.hash(password);
  try {
    await deps.transact((tx) =>
      deps.users.insert(tx, { email, name: settings.name, passwordHash, role: 'admin', active: true }),
    );
  } catch (error) {
    // Another instance starting at the same moment created it first: that is fine.
    if (appErrorFromDatabase(error)?.code === 'EMAIL_TAKEN') return undefined;
    throw error;
  }
  if (generated) {
    announce(
      [
        '',
        '  First administrator created. This password is shown only once:',
        `    email:    ${email}`,
        `    password: ${generated}`,
        '  Log in and change it, or set ADMIN_EMAIL and ADMIN_PASSWORD before the first start.',
        '',
      ].join('\n'),
    );
  } else {
    announce(`First administrator created: ${email}`);
  }
  return email;
}
