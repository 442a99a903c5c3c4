import { describe, expect, it } from 'vitest';
import { VersionBatcher } from './version-batcher';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('version batcher', () => {
  it('never lets a request join a lookup that started before it arrived', async () => {
    const lookups: { resolve: (v: number) => void }[] = [];
    const batcher = new VersionBatcher((_key: string) => {
      const d = deferred<number>();
      lookups.push(d);
      return d.promise;
    });
    const first = batcher.get('site');
    const sameTurn = batcher.get('site');
    await endOfTurn();
    // Requests of one event-loop turn share one lookup that starts after all of them.
    expect(lookups).toHaveLength(1);
    // Arrive while the first lookup runs: they share the next one, not the first.
    const second = batcher.get('site');
    const third = batcher.get('site');
    expect(lookups).toHaveLength(1);
    lookups[0]!.resolve(1);
    expect(await first).toBe(1);
    expect(await sameTurn).toBe(1);
    await endOfTurn();
    expect(lookups).toHaveLength(2);
    lookups[1]!.resolve(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // Nothing running: a new request starts its own lookup.
    const fourth = batcher.get('site');
    await endOfTurn();
    expect(lookups).toHaveLength(3);
    lookups[2]!.resolve(3);
    expect(await fourth).toBe(3);
  });

  it('keeps sites apart and recovers from a failed lookup', async () => {
    let calls = 0;
    const batcher = new VersionBatcher(async (key: string) => {
      calls += 1;
      if (key === 'broken' && calls === 1) throw new Error('down');
      return `${key}:${calls}`;
    });
    await expect(batcher.get('broken')).rejects.toThrow('down');
    expect(await batcher.get('broken')).toBe('broken:2');
    expect(await batcher.get('other')).toBe('other:3');
  });
});
