import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { repoRoot } from '../lib/paths';
import { sendProblem } from './errors';

export interface AdminUiOptions {
  /** The built admin (`apps/admin/dist` unless ADMIN_DIST_DIR says otherwise). */
  distDir: string | undefined;
}

export const defaultAdminDistDir = path.join(repoRoot, 'apps', 'admin', 'dist');

/** Hashed build output never changes under its name: cache it for a year. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the admin single-page app at /admin in embedded mode: hashed assets cached for good,
 * `index.html` (and the few unhashed files) revalidated on every load so a deployment is picked
 * up at once, and every other path under /admin answered with `index.html` so that deep links
 * (/admin/sites/…/courses/…) open the app, whose router takes over.
 */
async function adminUiPlugin(app: FastifyInstance, options: AdminUiOptions) {
  const distDir = options.distDir ?? defaultAdminDistDir;
  const available = existsSync(path.join(distDir, 'index.html'));

  if (!available) {
    app.log.warn({ distDir }, 'admin panel not built: run `npm run build` to serve it at /admin');
    const notBuilt = (request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(
        request,
        reply,
        'SERVICE_UNAVAILABLE',
        503,
        'The admin panel is not built on this server. Run `npm run build` (or set ADMIN_DIST_DIR).',
      );
    app.get('/admin', { schema: { hide: true } }, notBuilt);
    app.get('/admin/*', { schema: { hide: true } }, notBuilt);
    return;
  }

  await app.register(
    async (admin) => {
      await admin.register(fastifyStatic, {
        root: distDir,
        prefix: '/',
        index: false,
        wildcard: true,
        cacheControl: false,
        setHeaders(response, filePath) {
          const relative = path.relative(distDir, filePath);
          response.setHeader(
            'cache-control',
            relative.startsWith(`assets${path.sep}`) ? immutable : 'no-cache',
          );
        },
      });

      const sendApp = (reply: FastifyReply) =>
        reply.header('cache-control', 'no-cache').sendFile('index.html');
      admin.get('/', { schema: { hide: true } }, (_request, reply) => sendApp(reply));

      admin.setNotFoundHandler((request, reply) => {
        const pathname = request.url.split('?')[0] ?? '';
        // A missing asset is a 404, never the app's HTML (a browser would try to run it as a script).
        const isAsset = pathname.startsWith('/admin/assets/') || /\.[a-z0-9]{1,8}$/i.test(pathname);
        if ((request.method !== 'GET' && request.method !== 'HEAD') || isAsset) {
          return sendProblem(request, reply, 'ROUTE_NOT_FOUND', 404, `No file ${pathname}.`);
        }
        return sendApp(reply);
      });
    },
    { prefix: '/admin' },
  );
}

export const adminUi = fp(adminUiPlugin, { name: 'admin-ui' });
