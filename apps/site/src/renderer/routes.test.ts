import { describe, expect, it } from 'vitest';
import { matchRoute, pathOf, type Route } from './routes';

describe('route table', () => {
  it.each([
    ['fr', '/', { kind: 'home' }],
    ['fr', '/a-propos', { kind: 'about' }],
    ['fr', '/formations', { kind: 'courses' }],
    ['fr', '/formations/permis-voile', { kind: 'course', slug: 'permis-voile' }],
    ['fr', '/contact', { kind: 'contact' }],
    ['fr', '/mentions-legales', { kind: 'legal' }],
    ['fr', '/protection-des-donnees', { kind: 'privacy' }],
    ['en', '/about', { kind: 'about' }],
    ['en', '/courses/sailing-licence', { kind: 'course', slug: 'sailing-licence' }],
    ['en', '/legal-notice', { kind: 'legal' }],
  ] as const)('%s %s is %o, and back', (language, path, route) => {
    expect(matchRoute(language, path)).toEqual(route);
    expect(pathOf(language, route as Route)).toBe(path);
  });

  it.each([
    ['fr', '/courses'],
    ['en', '/formations'],
    ['fr', '/formations/Permis'],
    ['fr', '/formations/a/b'],
    ['fr', '/a-propos/x'],
    ['fr', '/contact/x'],
    ['fr', '//'],
  ] as const)('%s %s matches nothing', (language, path) => {
    expect(matchRoute(language, path)).toBeUndefined();
  });
});
