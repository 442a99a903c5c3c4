import { readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import * as tar from 'tar';
import type { z } from 'zod';
import { checkFiles } from '../../backup/manifest';
import { AppError } from '../../lib/errors';
import { dataPath, manifestPath, type SiteArchiveManifest, siteArchiveManifest } from './transfer-format';

/** Packing and unpacking of `swigs-site` archives; what the files mean is transfer-format.ts's business. */

function invalid(message: string): AppError {
  return new AppError('SITE_ARCHIVE_INVALID', message);
}

/** Readable lines for zod issues: `courses.3.startDate: Use a date such as 2025-09-01.` */
export function describeIssues(error: z.ZodError, limit = 10): string {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines.join('\n  ');
}

async function entriesOf(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** The staged folder as a gzipped tar stream (the manifest first, so a reader meets it at once). */
export async function packStream(dir: string): Promise<Readable> {
  const entries = await entriesOf(dir);
  const ordered = [manifestPath, ...entries.filter((entry) => entry !== manifestPath)];
  return tar.c({ gzip: true, cwd: dir, portable: true }, ordered) as unknown as Readable;
}

/** Packs the staged folder into `file`, written as `<file>.partial` and renamed when complete. */
export async function packFile(dir: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  const entries = await entriesOf(dir);
  const ordered = [manifestPath, ...entries.filter((entry) => entry !== manifestPath)];
  try {
    await tar.c({ gzip: true, file: partial, cwd: dir, portable: true }, ordered);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

export interface UnpackedArchive {
  manifest: SiteArchiveManifest;
  /** site.json, parsed as JSON (not validated yet). */
  data: unknown;
}

/**
 * Unpacks an archive into `target` (an empty folder on the uploads' filesystem, so that files can
 * later be renamed into place) and checks it: only plain files and folders are written (links in
 * an archive are skipped, so nothing can point outside), at most `maxBytes` in all, every file
 * listed in the manifest with its sha256, nothing unlisted. Throws SITE_ARCHIVE_INVALID naming the
 * problem.
 */
export async function unpackArchive(
  file: string,
  target: string,
  maxBytes: number,
): Promise<UnpackedArchive> {
  let total = 0;
  let tooLarge = false;
  const skipped: string[] = [];
  try {
    await tar.x({
      file,
      cwd: target,
      strict: true,
      preservePaths: false,
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : entry.isDirectory() ? 'Directory' : 'File';
        if (type !== 'File' && type !== 'Directory') {
          skipped.push(entryPath);
          return false;
        }
        total += entry.size ?? 0;
        if (total > maxBytes) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch (error) {
    throw invalid(`${path.basename(file)} is not a readable archive: ${(error as Error).message}`);
  }
  if (tooLarge) throw invalid(`The archive holds more than ${maxBytes} bytes: refused.`);
  if (skipped.length > 0)
    throw invalid(`The archive holds links or special files: ${skipped.slice(0, 5).join(', ')}.`);

  const rawManifest = await readFile(path.join(target, manifestPath), 'utf8').catch(() => undefined);
  if (!rawManifest) throw invalid('The archive has no manifest.json: it is not a SWIGS site archive.');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(rawManifest);
  } catch {
    throw invalid('manifest.json is not JSON.');
  }
  const parsed = siteArchiveManifest.safeParse(manifestJson);
  if (!parsed.success) {
    const format = (manifestJson as { format?: unknown; formatVersion?: unknown } | null) ?? {};
    if (format.format === 'swigs-site' && format.formatVersion !== 1) {
      throw invalid(
        `This archive is of format version ${String(format.formatVersion)}; this SWIGS CMS reads version 1. Import it with a newer version.`,
      );
    }
    throw invalid(`manifest.json is not a SWIGS site manifest:\n  ${describeIssues(parsed.error)}`);
  }
  const manifest = parsed.data;
  const problems = await checkFiles(target, manifest);
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    if (problems.length > 10) shown.push(`… and ${problems.length - 10} more`);
    throw invalid(`The archive does not match its manifest (damaged or changed):\n  ${shown.join('\n  ')}`);
  }
  if (!manifest.files.some((entry) => entry.path === dataPath))
    throw invalid('The archive has no site.json.');
  try {
    return { manifest, data: JSON.parse(await readFile(path.join(target, dataPath), 'utf8')) };
  } catch {
    throw invalid('site.json is not JSON.');
  }
}
