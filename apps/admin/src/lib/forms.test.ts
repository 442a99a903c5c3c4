import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createSiteBody } from '@swigs/schema';
import { describe, expect, it } from 'vitest';
import { translateSchemaMessage } from '../i18n/schema-messages';
import { issuesToFieldErrors } from './forms';

describe('form errors', () => {
  it('places zod issues on nested and indexed fields, the first issue of a field winning', () => {
    const errors = issuesToFieldErrors([
      { path: ['aliases', 1], code: 'invalid_format', message: 'bad host' },
      { path: ['contact', 'email'], code: 'invalid_format', message: 'bad email' },
      { path: ['contact', 'email'], code: 'too_big', message: 'too long' },
      { path: [], code: 'custom', message: 'whole form' },
    ]);
    expect(errors).toEqual({
      aliases: { 1: { type: 'invalid_format', message: 'bad host' } },
      contact: { email: { type: 'invalid_format', message: 'bad email' } },
      root: { type: 'custom', message: 'whole form' },
    });
  });

  it('has a French wording for every message the site schema writes in English', () => {
    const result = createSiteBody.safeParse({
      name: 'X',
      slug: 'Pas Bon',
      domain: 'http://x',
      aliases: ['a.ch', 'a.ch'],
    });
    expect(result.success).toBe(false);
    const custom = result.error!.issues.filter(
      (issue) => issue.code === 'custom' || issue.code === 'invalid_format',
    );
    for (const issue of custom)
      expect(translateSchemaMessage('fr', issue.message), issue.message).toBeTruthy();
  });

  it('has a French wording for every field error the API writes in English (a taken slug, …)', () => {
    const apiSource = path.resolve(__dirname, '../../../api/src');
    const files = readdirSync(apiSource, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    const messages = new Set<string>();
    for (const file of files) {
      const code = readFileSync(path.join(apiSource, file), 'utf8');
      for (const match of code.matchAll(/field:\s*[^,]+,\s*message:\s*'([^']+)'/g)) messages.add(match[1]!);
      for (const match of code.matchAll(/fieldError\(\s*'[^']+',\s*'([^']+)'/g)) messages.add(match[1]!);
    }
    expect(messages).toContain('Another site already uses this slug.');
    for (const message of messages) expect(translateSchemaMessage('fr', message), message).toBeTruthy();
  });
});
