import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dataOf, listOf } from './common';

describe('response envelopes', () => {
  it('are built once per schema, so zod compiles each parser once', () => {
    const thing = z.object({ name: z.string() });
    expect(dataOf(thing)).toBe(dataOf(thing));
    expect(listOf(thing)).toBe(listOf(thing));
    expect(dataOf(thing)).not.toBe(dataOf(z.object({ name: z.string() })));
  });

  it('validate the envelope and its content', () => {
    const thing = z.object({ name: z.string() });
    expect(dataOf(thing).parse({ data: { name: 'a' } })).toEqual({ data: { name: 'a' } });
    expect(() => dataOf(thing).parse({ data: { name: 1 } })).toThrow();
    const page = { data: [{ name: 'a' }], meta: { total: 1, page: 1, pageSize: 50 } };
    expect(listOf(thing).parse(page)).toEqual(page);
    expect(() => listOf(thing).parse({ data: [] })).toThrow();
  });
});
