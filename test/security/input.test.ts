// Facts files that are not files: endless devices, pipes, other encodings,
// names with line breaks. Each fails fast with one plain line (exit 2);
// standard input is read when the name is -.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, MINI } from '../helpers.js';
import { runBuilt, runShell } from './built.js';
import { tmp } from './hostile.js';

const mini = readFileSync(MINI, 'utf8');

describe('facts files that are not regular files', () => {
  it.each([
    ['/dev/zero', /cannot read facts file \/dev\/zero: it is a device, not a regular file/],
    ['/dev/urandom', /it is a device, not a regular file/],
    // A pipe, or a socket (which cannot be opened by name at all).
    ['/dev/stdin', /it is a pipe, not a regular file|no such device or address/],
    ['/proc/self/fd', /it is a directory/],
  ])('--data %s fails at once', (path, message) => {
    const started = performance.now();
    const r = runBuilt(['list', '--data', path], { input: 'x' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(10_000); // a guard against reading forever, not a speed test
  });

  it('a named pipe: refused without waiting for a writer', () => {
    const r = runShell('d=$(mktemp -d) && mkfifo "$d/p" && $CQF list --data "$d/p"; echo "rc=$?"');
    expect(r.stdout).toBe('rc=2\n');
    expect(r.stderr).toMatch(/: it is a pipe, not a regular file \(for standard input, name it -\)\n$/);
  });
});

describe('standard input', () => {
  it('--data - reads the facts from standard input', () => {
    const r = runBuilt(['list', '--json', '--data', '-'], { input: mini });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(4);
  });

  it('CHONGQING_FACTS_DATA=- too, also through a pipe', () => {
    const r = runShell(`cat ${JSON.stringify(MINI)} | CHONGQING_FACTS_DATA=- $CQF themes --json`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(3);
  });

  it('names standard input in its messages', () => {
    const r = runBuilt(['list', '--data', '-'], { input: '{"facts": [' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^chongqing-facts: error: standard input is not valid JSON: /);
  });
});

describe('encodings', () => {
  it.each([
    ['UTF-16LE', Buffer.from(`\uFEFF${mini}`, 'utf16le'), /is UTF-16LE \(little-endian\) text; save it as UTF-8/],
    ['UTF-16BE', Buffer.from(`\uFEFF${mini}`, 'utf16le').swap16(), /is UTF-16BE \(big-endian\) text/],
    ['UTF-16LE without a mark', Buffer.from(mini, 'utf16le'), /is UTF-16LE/],
  ])('%s is named in the message', async (name, bytes, message) => {
    const path = tmp(`wide-${name}.json`);
    writeFileSync(path, bytes);
    const r = await cli(['list', '--data', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
