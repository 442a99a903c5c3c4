import {
  copyFile,
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { AppError } from '../lib/errors';
import { type BackupManifest, listFiles, manifestSchema, sha256OfFile } from './manifest';

/** `swigs-backup-20251125T023000Z.tar.gz`: sortable by name, and the name says when. */
const archivePattern = /^swigs-backup-(\d{8}T\d{6}Z)\.tar\.gz$/;

export function archiveName(createdAt: Date): string {
  const stamp = createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `swigs-backup-${stamp}.tar.gz`;
}

function dateOfArchive(name: string): Date | undefined {
  const stamp = archivePattern.exec(name)?.[1];
  if (!stamp) return undefined;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  return new Date(iso);
}

export interface ArchiveInfo {
  file: string;
  name: string;
  createdAt: string;
  sizeBytes: number;
}

/** The archives in `dir`, newest first (only names this code writes; anything else is left alone). */
export async function listArchives(dir: string): Promise<ArchiveInfo[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const archives: ArchiveInfo[] = [];
  for (const name of names) {
    const createdAt = dateOfArchive(name);
    if (!createdAt) continue;
    const file = path.join(dir, name);
    archives.push({ file, name, createdAt: createdAt.toISOString(), sizeBytes: (await stat(file)).size });
  }
  return archives.sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Deletes archives older than `retentionDays`, never the newest one (a long-stopped server must
 * not wake up to an empty backup folder). Returns the names deleted.
 */
export async function pruneArchives(dir: string, retentionDays: number, now: Date): Promise<string[]> {
  const limit = now.getTime() - retentionDays * 86_400_000;
  const [, ...older] = await listArchives(dir);
  const deleted: string[] = [];
  for (const archive of older) {
    if (new Date(archive.createdAt).getTime() >= limit) continue;
    await unlink(archive.file);
    await unlink(`${archive.file}.sha256`).catch(() => {});
    deleted.push(archive.name);
  }
  return deleted;
}

/**
 * Puts the files of `source` under `target` without copying bytes when possible (hard links:
 * instant, no extra space, and the staged set no longer changes if a file is replaced meanwhile);
 * copies when the backup folder is on another filesystem.
 */
export async function stageTree(source: string, target: string): Promise<number> {
  const files = await listFiles(source);
  for (const file of files) await linkOrCopy(path.join(source, file), path.join(target, file));
  return files.length;
}

/** Hard-links `from` to `to` (creating its folder), or copies it across filesystems. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
    await copyFile(from, to);
  });
}

/**
 * Packs the staged folder into `file` (gzip), writing `<file>.partial` first and renaming, so a
 * crash never leaves something that looks like a complete backup. Writes `<file>.sha256` in the
 * format `sha256sum -c` reads.
 */
export async function packArchive(staging: string, file: string): Promise<string> {
  const partial = `${file}.partial`;
  const entries = await readdir(staging);
  await tar.c({ gzip: true, file: partial, cwd: staging, portable: true }, entries.sort());
  const sha256 = await sha256OfFile(partial);
  await rename(partial, file);
  await writeFile(`${file}.sha256`, `${sha256}  ${path.basename(file)}\n`);
  return sha256;
}

/**
 * Checks the archive against its `.sha256` (when present), unpacks it into `target` and reads its
 * manifest. Entries are confined to `target` by tar itself (no absolute paths, no `..`).
 */
export async function unpackArchive(file: string, target: string): Promise<BackupManifest> {
  const sidecar = await readFile(`${file}.sha256`, 'utf8').catch(() => undefined);
  if (sidecar) {
    const expected = sidecar.trim().split(/\s+/)[0];
    if (expected !== (await sha256OfFile(file))) {
      throw new AppError(
        'BACKUP_INVALID',
        `${path.basename(file)} does not match its .sha256: the archive is damaged.`,
      );
    }
  }
  await mkdir(target, { recursive: true });
  try {
    await tar.x({ file, cwd: target, strict: true, preservePaths: false });
  } catch (error) {
    throw new AppError(
      'BACKUP_INVALID',
      `${path.basename(file)} is not a readable archive: ${(error as Error).message}`,
    );
  }
  const raw = await readFile(path.join(target, 'manifest.json'), 'utf8').catch(() => undefined);
  if (!raw)
    throw new AppError('BACKUP_INVALID', `${path.basename(file)} has no manifest.json: not a SWIGS backup.`);
  const parsed = manifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new AppError('BACKUP_INVALID', `The manifest is invalid: ${parsed.error.message}`);
  return parsed.data;
}

export async function removeTree(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
