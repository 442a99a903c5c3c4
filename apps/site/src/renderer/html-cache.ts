import { createHash } from 'node:crypto';
import { EncodedBody } from './compress';

/** A rendered response kept for reuse: the bytes (and their compressed forms) with their ETag. */
export interface CachedResponse {
  status: number;
  contentType: string;
  /** Headers besides type, length, encoding and ETag (e.g. `x-robots-tag`). */
  headers: Record<string, string>;
  body: EncodedBody;
  etag: string;
  /**
   * For pages that depend on the date (upcoming courses): the day they were rendered for, in the
   * site's time zone. Such a page is stale the next day even if no edit happened.
   */
  renderedFor?: { day: string; timeZone: string };
}

/** A weak ETag from the body's hash: weak because each encoding is a different byte sequence. */
export function etagOf(body: Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether `If-None-Match` names this ETag (weak comparison, `*` matches anything). */
export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const mine = bare(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === mine);
}

export function cachedResponse(
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): CachedResponse {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { status, contentType, headers, body: new EncodedBody(bytes), etag: etagOf(bytes) };
}

export interface PageCacheOptions {
  /** Upper bound of the memory the cache holds (default 64 MB). */
  maxBytes?: number;
}

/**
 * Rendered pages per site, content version and path. A key holds the site's content version, so
 * an edit (which raises the version) makes every older page unreachable at once; when a newer
 * version of a site shows up, its older pages are dropped to give the memory back. Least
 * recently used pages go first when the bound is reached.
 */
export class PageCache {
  private readonly entries = new Map<string, { siteId: string; value: CachedResponse; bytes: number }>();
  private readonly latest = new Map<string, number>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(options: PageCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  private static key(siteId: string, version: number, path: string): string {
    return `${siteId}\u0000${version}\u0000${path}`;
  }

  get(siteId: string, version: number, path: string): CachedResponse | undefined {
    const key = PageCache.key(siteId, version, path);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map order is insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(siteId: string, version: number, path: string, value: CachedResponse): void {
    // A render that started before an edit finished after it: its page is already outdated.
    if ((this.latest.get(siteId) ?? version) !== version) return;
    const key = PageCache.key(siteId, version, path);
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    // Room for the identity body plus the brotli and gzip forms made on demand.
    const bytes = Math.ceil(value.body.identity.length * 1.6) + 256;
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { siteId, value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /**
   * Records the content version the API just reported for a site; pages of any other version are
   * dropped. Any change counts, not only a rise: a restored backup may bring an older number back.
   */
  noteVersion(siteId: string, version: number): void {
    const known = this.latest.get(siteId);
    if (known === version) return;
    this.latest.set(siteId, version);
    if (known === undefined) return;
    for (const [key, entry] of this.entries) {
      if (entry.siteId === siteId && !key.startsWith(`${siteId}\u0000${version}\u0000`)) {
        this.entries.delete(key);
        this.bytes -= entry.bytes;
      }
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
