// Reading a facts file from anyone: regular files and standard input only,
// a size cap, UTF-8 only, and every failure in plain words.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherEncoding, readText, reason } from '../../src/data/read.js';
import { DataError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cqf-read-'));
const file = (name: string, bytes: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as Error).message;
  }
  throw new Error('expected a DataError');
};

describe('readText', () => {
  it('reads a UTF-8 file, byte-order mark kept', () => {
    expect(readText(file('ok.json', '\uFEFF{"a": "重庆"}'), 'facts file')).toBe('\uFEFF{"a": "重庆"}');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /^cannot read facts file .*nope\.json: no such file$/],
    ['a directory', () => dir, /: it is a directory$/],
    ['/dev/zero', () => '/dev/zero', /^cannot read facts file \/dev\/zero: it is a device, not a regular file$/],
    ['a named pipe', () => {
      const fifo = join(dir, 'fifo');
      spawnSync('mkfifo', [fifo]);
      return fifo;
    }, /: it is a pipe, not a regular file \(for standard input, name it -\)$/],
    ['a symbolic link to itself', () => {
      const loop = join(dir, 'loop.json');
      symlinkSync(loop, loop);
      return loop;
    }, /: too many symbolic links/],
    ['a path through a file', () => `${file('plain.txt', 'x')}/facts.json`, /: a part of the path is not a directory$/],
  ])('refuses %s in plain words', (_what, path, message) => {
    expect(failure(() => readText(path(), 'facts file'))).toMatch(message);
  });

  // root reads any file, so this runs only for other users.
  it.skipIf(process.getuid?.() === 0)('refuses a file it may not read', () => {
    const locked = file('locked.json', '{}');
    chmodSync(locked, 0o000);
    expect(failure(() => readText(locked, 'facts file'))).toMatch(/: permission denied \(you may not read it\)$/);
  });

  it('refuses a file larger than the cap, before reading it', () => {
    const big = file('big.json', 'x'.repeat(2000));
    expect(failure(() => readText(big, 'facts file', 1000))).toMatch(/big\.json is larger than/);
    expect(readText(big, 'facts file', 2000)).toHaveLength(2000);
  });

  it.each([
    ['UTF-16LE with a mark', Buffer.from('\uFEFF{}', 'utf16le'), 'UTF-16LE (little-endian)'],
    ['UTF-16LE without', Buffer.from('{"a": 1}', 'utf16le'), 'UTF-16LE (little-endian)'],
    ['UTF-16BE with a mark', Buffer.from('\uFEFF{}', 'utf16le').swap16(), 'UTF-16BE (big-endian)'],
    ['UTF-16BE without', Buffer.from('{}', 'utf16le').swap16(), 'UTF-16BE (big-endian)'],
    ['UTF-32LE with a mark', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), 'UTF-32LE (little-endian)'],
    ['UTF-32LE without', Buffer.from([0x7b, 0, 0, 0, 0x7d, 0, 0, 0]), 'UTF-32LE (little-endian)'],
    ['UTF-32BE with a mark', Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b]), 'UTF-32BE (big-endian)'],
    ['UTF-32BE without', Buffer.from([0, 0, 0, 0x7b, 0, 0, 0, 0x7d]), 'UTF-32BE (big-endian)'],
  ])('names %s', (_what, bytes, name) => {
    expect(otherEncoding(bytes)).toBe(name);
    expect(failure(() => readText(file('wide.json', bytes), 'facts file'))).toMatch(
      new RegExp(`is ${name.replace(/[()]/g, '\\$&')} text; save it as UTF-8`),
    );
  });

  it.each(['{}', '[]', ' {', '\uFEFF{}', '重庆', ''])('takes %j as UTF-8', (text) => {
    expect(otherEncoding(Buffer.from(text))).toBeUndefined();
  });

  it.each([
    ['EACCES', 'permission denied (you may not read it)'],
    ['ELOOP', 'too many symbolic links (a link that points back to itself?)'],
    ['EISDIR', 'it is a directory'],
    ['ENOENT', 'no such file'],
  ])('says %s in plain words', (code, words) => {
    expect(reason(Object.assign(new Error(`${code}: x, open 'f'`), { code }))).toBe(words);
  });

  it('says other errors without the code and the path', () => {
    expect(reason(Object.assign(new Error("EMFILE: too many open files, open '/x\ny'"), { code: 'EMFILE' }))).toBe('too many open files');
  });
});
