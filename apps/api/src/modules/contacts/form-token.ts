import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export type FormTokenCheck =
  | 'ok'
  | 'no_form_token'
  | 'invalid_form_token'
  | 'too_fast'
  | 'form_token_expired';

/**
 * Signed form tokens for contact forms: `<issuedAt>.<nonce>.<signature>`, the signature an HMAC of
 * the site id, the time it was issued and the nonce. A server-rendered form (or an external front
 * end, when it shows the form) asks for one and sends it back with the message. Forging one needs
 * the server's secret, so a robot cannot claim the form was shown minutes ago; it must fetch a
 * token and then wait the minimum fill time, which is what slows it down.
 */
export function createFormTokens(secret: string, now: () => number = Date.now) {
  // A key of its own, derived from the server secret: a form token can never pass for anything else.
  const key = Buffer.from(hkdfSync('sha256', secret, 'swigs-contact-form', 'form-token-v1', 32));
  const sign = (siteId: string, issued: string, nonce: string) =>
    createHmac('sha256', key).update(`${siteId}.${issued}.${nonce}`).digest('base64url');

  return {
    issue(siteId: string): string {
      const issued = now().toString(36);
      const nonce = randomBytes(9).toString('base64url');
      return `${issued}.${nonce}.${sign(siteId, issued, nonce)}`;
    },

    check(
      token: string | undefined,
      siteId: string,
      limits: { minFillSeconds: number; maxAgeSeconds: number },
    ): FormTokenCheck {
      if (!token) return 'no_form_token';
      const [issued, nonce, signature, extra] = token.split('.');
      if (!issued || !nonce || !signature || extra !== undefined) return 'invalid_form_token';
      const expected = Buffer.from(sign(siteId, issued, nonce));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid_form_token';
      const ageMs = now() - Number.parseInt(issued, 36);
      if (!Number.isFinite(ageMs) || ageMs < -60_000) return 'invalid_form_token';
      if (ageMs < limits.minFillSeconds * 1000) return 'too_fast';
      if (ageMs > limits.maxAgeSeconds * 1000) return 'form_token_expired';
      return 'ok';
    },
  };
}

export type FormTokens = ReturnType<typeof createFormTokens>;
