import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding the client accepts, brotli first. `q=0` refuses an encoding; a missing
 * header means identity (RFC 9110 §12.5.3).
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

/**
 * Compresses once, for bodies served many times (cached pages, static assets). Brotli at
 * quality 5 keeps a cache miss cheap (about a millisecond for a page) while still beating gzip.
 */
export function compress(body: Buffer, encoding: Exclude<Encoding, 'identity'>, quality = 5): Buffer {
  if (encoding === 'br') {
    return brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
  }
  return gzipSync(body, { level: 6 });
}

/** Bodies below this are sent as they are: compression would cost more than it saves. */
export const minCompressBytes = 1024;

/**
 * A body and its compressed forms, computed the first time a client asks for each. What a
 * cache keeps, so that a hit is a lookup and a write of bytes.
 */
export class EncodedBody {
  private readonly encoded = new Map<Encoding, Buffer>();

  constructor(
    readonly identity: Buffer,
    private readonly quality = 5,
  ) {
    this.encoded.set('identity', identity);
  }

  /** The bytes to send for what the client accepts, and the encoding they are in. */
  for(acceptEncoding: string | undefined): { encoding: Encoding; bytes: Buffer } {
    const wanted = this.identity.length < minCompressBytes ? 'identity' : negotiateEncoding(acceptEncoding);
    let bytes = this.encoded.get(wanted);
    if (!bytes) {
      bytes = compress(this.identity, wanted as Exclude<Encoding, 'identity'>, this.quality);
      this.encoded.set(wanted, bytes);
    }
    return { encoding: wanted, bytes };
  }

  /** Bytes held, counting the compressed forms made so far (for the cache's memory bound). */
  get size(): number {
    let total = 0;
    for (const bytes of this.encoded.values()) total += bytes.length;
    return total;
  }
}
