import { describe, expect, it } from 'vitest';
import { displayName } from './media.service';

describe('displayName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\léa\\photo été.jpg', 'photo été.jpg'],
    ['a\u0000b\u001fc.png', 'abc.png'],
    ['..', 'file'],
    ['', 'file'],
    ['x'.repeat(300), 'x'.repeat(255)],
  ])('%j → %j', (input, expected) => {
    expect(displayName(input)).toBe(expected);
  });
});
