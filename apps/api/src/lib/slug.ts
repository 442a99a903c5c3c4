/**
 * A URL slug from any title: accents folded ("École d'été" → "ecole-d-ete"), lower-case letters
 * and digits joined by single hyphens, at most `maxLength` characters, never empty.
 */
export function slugify(text: string, maxLength = 63): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : `item${slug ? `-${slug}` : ''}`;
}

/** `base`, then `base-2`, `base-3`… : the first candidate `isTaken` says is free. */
export async function uniqueSlug(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
  maxLength = 63,
): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = `${base.slice(0, maxLength - suffix.length).replace(/-+$/g, '')}${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug for "${base}".`);
}
