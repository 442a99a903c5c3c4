import { describe, expect, it } from 'vitest';
import { fileNameOf } from './http';

describe('fileNameOf', () => {
  it('reads the name of a Content-Disposition header', () => {
    expect(fileNameOf('attachment; filename="lac-20250314T093000Z.swigs-site.tar.gz"')).toBe(
      'lac-20250314T093000Z.swigs-site.tar.gz',
    );
    expect(fileNameOf('attachment; filename=contacts.csv')).toBe('contacts.csv');
    expect(fileNameOf('attachment; filename="a\\"b.txt"')).toBe('a"b.txt');
  });

  it('prefers the RFC 6266 UTF-8 name', () => {
    expect(fileNameOf(`attachment; filename="ecole.csv"; filename*=UTF-8''%C3%A9cole.csv`)).toBe('école.csv');
  });

  it('keeps no path, and gives nothing when there is no name', () => {
    expect(fileNameOf('attachment; filename="../../etc/passwd"')).toBe('.._.._etc_passwd');
    expect(fileNameOf('attachment')).toBeUndefined();
    expect(fileNameOf(null)).toBeUndefined();
    expect(fileNameOf('attachment; filename=""')).toBeUndefined();
  });
});
