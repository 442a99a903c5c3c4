import { accentFoldFrom, accentFoldTo } from '../../db/schema/courses';

/**
 * The same accent folding as the `search` column of `courses` (see `foldAccentsSql`), so that a
 * query typed without accents finds words stored with them.
 */
const folding = new Map([...accentFoldFrom].map((char, index) => [char, accentFoldTo[index]!]));

function fold(text: string): string {
  return [...text.toLowerCase()].map((char) => folding.get(char) ?? char).join('');
}

/**
 * A `to_tsquery('simple', …)` text from what a user typed: every word must match, each as a
 * prefix ("voil" finds "voile"). Words are quoted, so no character of the input is an operator.
 * Undefined when nothing searchable is left.
 */
export function searchQueryOf(input: string): string | undefined {
  const words = fold(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 10);
  if (words.length === 0) return undefined;
  return words.map((word) => `'${word.replaceAll("'", "''")}':*`).join(' & ');
}
