import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as tar from 'tar';
import { describeFiles } from '../src/backup/manifest';
import type { LoggedIn } from './factories';
import { multipart } from './multipart';

/** Helpers of the site export/import tests: fetch, unpack, tamper with, repack and upload archives. */

export async function exportSite(
  app: FastifyInstance,
  admin: LoggedIn,
  siteId: string,
  query = '',
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1/sites/${siteId}/export${query}`, headers: admin.headers });
}

export async function importArchive(
  app: FastifyInstance,
  admin: LoggedIn,
  archive: Buffer,
  query: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart([
    { name: 'file', data: archive, filename: 'site.swigs-site.tar.gz', contentType: 'application/gzip' },
  ]);
  const search = new URLSearchParams(query).toString();
  return app.inject({
    method: 'POST',
    url: `/api/v1/sites/import${search ? `?${search}` : ''}`,
    headers: { ...admin.headers, ...body.headers },
    payload: body.payload,
  });
}

/** Unpacks an archive into a temporary folder (removed by the returned `remove`). */
export async function unpacked(archive: Buffer) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'swigs-site-archive-'));
  const file = path.join(dir, '..', `${path.basename(dir)}.tar.gz`);
  writeFileSync(file, archive);
  await tar.x({ file, cwd: dir });
  rmSync(file);
  return {
    dir,
    read: (name: string) => readFileSync(path.join(dir, name), 'utf8'),
    json: <T = Record<string, unknown>>(name: string) =>
      JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as T,
    write: (name: string, content: string | Buffer) => writeFileSync(path.join(dir, name), content),
    /** Rewrites manifest.json so every checksum matches the files as they are now. */
    async reseal() {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      manifest.files = await describeFiles(dir);
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    },
    async pack(extra: string[] = []): Promise<Buffer> {
      const out = `${dir}.repacked.tar.gz`;
      await tar.c({ gzip: true, file: out, cwd: dir, portable: true }, [
        'manifest.json',
        'site.json',
        'media',
        ...extra,
      ]);
      const bytes = readFileSync(out);
      rmSync(out);
      return bytes;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * site.json with every id and stored file name replaced by its order of first appearance: two
 * archives of the same site, made on different installations, read the same.
 */
export function normalised(text: string): string {
  const labels = new Map<string, string>();
  return text.replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}/g,
    (match) => {
      if (!labels.has(match)) labels.set(match, `#${labels.size + 1}`);
      return labels.get(match)!;
    },
  );
}

/** sha256 of each media file, by its normalised path (the order of the archive's media). */
export function fileChecksums(manifest: { files: { path: string; sha256: string }[] }, data: string) {
  const labels = new Map<string, string>();
  for (const match of data.matchAll(/media\/([0-9a-f]{32})/g)) {
    if (!labels.has(match[1]!)) labels.set(match[1]!, `#${labels.size + 1}`);
  }
  return Object.fromEntries(
    manifest.files
      .filter((file) => file.path.startsWith('media/'))
      .map((file) => [file.path.replace(/[0-9a-f]{32}/, (base) => labels.get(base) ?? '?'), file.sha256])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
}
