import { describe, expect, it } from 'vitest';
import { ConfigError, developmentJwtSecret, loadConfig } from './config';

describe('loadConfig', () => {
  it('has embedded defaults: 127.0.0.1:3000, PGlite under ./data, no Redis', () => {
    const config = loadConfig({}, '/srv/swigs');
    expect(config.environment).toBe('development');
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(config.db.url).toBeUndefined();
    expect(config.dataDir).toBe('/srv/swigs/data');
    expect(config.redis.url).toBeUndefined();
    expect(config.auth.bcryptCost).toBe(12);
  });

  it('reports every invalid variable at once, by name', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it.each(['production', 'staging'])(
    'refuses to start in %s with a missing, default or short JWT secret',
    (env) => {
      expect(() => loadConfig({ SWIGS_ENV: env })).toThrow(/JWT_SECRET: required/);
      expect(() => loadConfig({ SWIGS_ENV: env, JWT_SECRET: developmentJwtSecret })).toThrow(
        /development default/,
      );
      expect(() => loadConfig({ SWIGS_ENV: env, JWT_SECRET: 'short' })).toThrow(/at least 32/);
      const config = loadConfig({ SWIGS_ENV: env, JWT_SECRET: 'x'.repeat(40) });
      expect(config.auth.secureCookies).toBe(true);
    },
  );

  it('takes the profile from NODE_ENV when SWIGS_ENV is unset, and treats empty values as unset', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).environment).toBe('test');
    expect(loadConfig({ NODE_ENV: 'test' }).auth.bcryptCost).toBe(4);
    expect(loadConfig({ DATABASE_URL: '' }).db.url).toBeUndefined();
  });

  it('parses TRUST_PROXY as a flag, a hop count or an address list', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).http.trustProxy).toBe('10.0.0.0/8');
    const hops = loadConfig({ TRUST_PROXY: '1' }).http.trustProxy as (a: string, hop: number) => boolean;
    expect([hops('x', 0), hops('x', 1)]).toEqual([true, false]);
  });
});
