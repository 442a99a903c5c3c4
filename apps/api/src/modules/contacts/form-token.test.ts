import { describe, expect, it } from 'vitest';
import { createFormTokens } from './form-token';

const limits = { minFillSeconds: 3, maxAgeSeconds: 3600 };
const site = '2b1f5c1e-8a53-4c3e-9d7a-0f6f1f0c2a11';

describe('contact form tokens', () => {
  it('accepts a token of this site once the minimum fill time has passed', () => {
    let time = 1_700_000_000_000;
    const tokens = createFormTokens('secret-one-of-at-least-32-characters!!', () => time);
    const token = tokens.issue(site);
    expect(tokens.check(token, site, limits)).toBe('too_fast');
    time += 3_000;
    expect(tokens.check(token, site, limits)).toBe('ok');
    time += 3_600_000;
    expect(tokens.check(token, site, limits)).toBe('form_token_expired');
  });

  it('refuses a missing, malformed, tampered, foreign or differently signed token', () => {
    let time = 1_700_000_000_000;
    const tokens = createFormTokens('secret-one-of-at-least-32-characters!!', () => time);
    const token = tokens.issue(site);
    time += 10_000;
    const [issued, nonce, signature] = token.split('.');
    const older = (Number.parseInt(issued!, 36) - 60_000).toString(36);
    expect(tokens.check(undefined, site, limits)).toBe('no_form_token');
    expect(tokens.check('garbage', site, limits)).toBe('invalid_form_token');
    expect(tokens.check(`${older}.${nonce}.${signature}`, site, limits)).toBe('invalid_form_token');
    expect(tokens.check(token, '00000000-0000-4000-8000-000000000000', limits)).toBe('invalid_form_token');
    const other = createFormTokens('another-secret-of-at-least-32-chars!!', () => time - 10_000);
    expect(tokens.check(other.issue(site), site, limits)).toBe('invalid_form_token');
  });
});
