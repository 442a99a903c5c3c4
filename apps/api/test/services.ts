/**
 * External services some tests need (PostgreSQL, Redis, Chromium). On a newcomer's machine they
 * may be missing: those tests then skip with a message. In CI, SWIGS_REQUIRE_SERVICES=1 turns a
 * missing service into a failure, so nothing is silently skipped there.
 */
export const servicesRequired = process.env.SWIGS_REQUIRE_SERVICES === '1';

export function optionalService(name: string, value: string | undefined, hint: string): string | undefined {
  if (value) return value;
  if (servicesRequired)
    throw new Error(`${name} is required in this run (SWIGS_REQUIRE_SERVICES=1) but ${hint} is not set.`);
  console.warn(`[skipped] ${name} tests: set ${hint} to run them.`);
  return undefined;
}
