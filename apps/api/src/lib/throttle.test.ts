import { describe, expect, it } from 'vitest';
import { createMemoryThrottleStore } from './throttle';

describe('memory throttle store', () => {
  it('counts hits within a window and starts again after it', async () => {
    let now = 1_000_000;
    const store = createMemoryThrottleStore(() => now);
    expect(await store.hit('k', 60)).toEqual({ count: 1, resetSeconds: 60 });
    now += 30_000;
    expect(await store.hit('k', 60)).toEqual({ count: 2, resetSeconds: 30 });
    expect(await store.peek('k')).toEqual({ count: 2, resetSeconds: 30 });
    now += 30_000;
    expect(await store.peek('k')).toEqual({ count: 0, resetSeconds: 0 });
    expect(await store.hit('k', 60)).toEqual({ count: 1, resetSeconds: 60 });
    await store.reset('k');
    expect((await store.peek('k')).count).toBe(0);
  });
});
