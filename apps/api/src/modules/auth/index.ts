import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../deps';
import { createUsersRepository } from '../users/users.repository';
import { registerAuthRoutes } from './auth.routes';
import { createAuthService } from './auth.service';
import { registerPasswordResetRoutes } from './password-reset.routes';
import { createPasswordResetService, passwordResetMailKind } from './password-reset.service';
import { createPasswordResetsRepository } from './password-resets.repository';
import { createSessionsRepository } from './sessions.repository';

/** Sessions ended more than this many days ago are purged; until then they detect token replays. */
const sessionRetentionDays = 30;

export function registerAuthModule(app: FastifyInstance, deps: ModuleDeps) {
  const sessions = createSessionsRepository(deps.database.db);
  const service = createAuthService({
    users: createUsersRepository(deps.database.db),
    sessions,
    passwords: deps.passwords,
    signer: deps.signer,
    throttle: deps.throttle,
    limits: deps.config.auth.login,
    refreshTokenTtlSeconds: deps.config.auth.refreshTokenTtl,
  });
  registerAuthRoutes(app, service, { secureCookies: deps.config.auth.secureCookies, signer: deps.signer });

  const resets = createPasswordResetsRepository(deps.database.db);
  const passwordReset = createPasswordResetService({
    users: createUsersRepository(deps.database.db),
    resets,
    sessions,
    passwords: deps.passwords,
    throttle: deps.throttle,
    mail: deps.mail,
    transact: deps.database.transact,
    limits: deps.config.passwordReset,
    publicUrl: deps.config.http.publicUrl,
    productName: 'SWIGS CMS',
  });
  deps.mail.register(passwordResetMailKind, (job) => passwordReset.composeResetMail(job));
  registerPasswordResetRoutes(app, passwordReset);

  const purge = setInterval(() => {
    sessions
      .deleteExpired(sessionRetentionDays)
      .catch((error) => app.log.warn({ err: error }, 'session purge failed'));
    resets
      .deleteExpired(sessionRetentionDays)
      .catch((error) => app.log.warn({ err: error }, 'password reset purge failed'));
  }, 6 * 3600_000);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));
}
