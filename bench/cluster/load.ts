/**
 * A bounded load that remembers every request: which instance answered (nginx's X-Upstream),
 * when it started and ended, and how it ended — so that a failure can be attributed to the
 * instance that was killed while it was in flight, or not.
 */

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** HTTP status, or 0 when no response came (connection error, timeout). */
  status: number;
  upstream: string;
  start: number;
  end: number;
  error?: string;
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  /** Hard cap on the number of requests, whatever the duration. */
  maxRequests: number;
  next(sequence: number): RequestSpec;
}

export async function runLoad(options: LoadOptions): Promise<RequestRecord[]> {
  const records: RequestRecord[] = [];
  const stopAt = Date.now() + options.durationMs;
  let sequence = 0;
  async function worker() {
    while (Date.now() < stopAt && sequence < options.maxRequests) {
      const spec = options.next(sequence++);
      const start = Date.now();
      try {
        const response = await fetch(options.url + spec.path, {
          method: spec.method,
          headers: { ...(spec.body ? { 'content-type': 'application/json' } : {}), ...spec.headers },
          body: spec.body ? JSON.stringify(spec.body) : undefined,
          signal: AbortSignal.timeout(15_000),
        });
        await response.arrayBuffer();
        records.push({
          method: spec.method,
          path: spec.path,
          status: response.status,
          upstream: response.headers.get('x-upstream') ?? '',
          start,
          end: Date.now(),
        });
      } catch (error) {
        records.push({
          method: spec.method,
          path: spec.path,
          status: 0,
          upstream: '',
          start,
          end: Date.now(),
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return records;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
