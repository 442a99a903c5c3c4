import { describe, expect, it } from 'vitest';
import { rewriteApiAlias } from './app';

describe('rewriteApiAlias', () => {
  it.each([
    ['/api/sites', '/api/v1/sites'],
    ['/api/auth/me?x=1', '/api/v1/auth/me?x=1'],
    ['/api', '/api/v1'],
    ['/api?x=1', '/api/v1?x=1'],
    ['/api/v1/sites', '/api/v1/sites'],
    ['/api/v1', '/api/v1'],
    ['/api/v2/sites', '/api/v2/sites'],
    ['/apis', '/apis'],
    ['/admin/api/x', '/admin/api/x'],
  ])('%s → %s', (input, output) => {
    expect(rewriteApiAlias(input)).toBe(output);
  });
});
