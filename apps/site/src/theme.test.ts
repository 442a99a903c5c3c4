import { describe, expect, it } from 'vitest';
import { contrastRatio, themeColours } from './theme';

describe('theme colours', () => {
  it.each(['#facc15', '#1d4ed8', '#0e7490', '#22c55e', '#ffffff', '#000000', '#ef4444', '#7f7f7f'])(
    'keeps text readable (4.5:1) whatever the brand colour: %s',
    (colour) => {
      const theme = themeColours({ primaryColor: colour, secondaryColor: colour });
      expect(contrastRatio(theme.accent, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.surface, theme.onSurface)).toBeGreaterThanOrEqual(4.5);
      expect(theme.primary).toBe(colour);
    },
  );

  it('leaves a dark brand colour as it is', () => {
    expect(themeColours({ primaryColor: '#1d4ed8', secondaryColor: '#0f172a' })).toMatchObject({
      accent: '#1d4ed8',
      surface: '#0f172a',
      onSurface: '#ffffff',
    });
  });
});
