import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug';

describe('slugify', () => {
  it.each([
    ['École d’été 2025', 'ecole-d-ete-2025'],
    ['  Cœur & Âme  ', 'coeur-ame'],
    ['Voile — débutants (niveau 1)', 'voile-debutants-niveau-1'],
    ['!', 'item'],
    ['A', 'item-a'],
  ])('%s → %s', (input, expected) => expect(slugify(input)).toBe(expected));

  it('cuts long titles without a trailing hyphen', () => {
    const slug = slugify(`${'mot '.repeat(40)}fin`);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('uniqueSlug', () => {
  it('adds -2, -3… until free', async () => {
    const taken = new Set(['voile', 'voile-2']);
    expect(await uniqueSlug('voile', async (c) => taken.has(c))).toBe('voile-3');
    expect(await uniqueSlug('kite', async (c) => taken.has(c))).toBe('kite');
  });
});
