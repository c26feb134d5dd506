// The start-up trick of src/cli/boot.ts: V8's code cache, kept in a
// directory of the user's own and nowhere else. These tests fail when the
// cache stops being written or accepted (a lookup would then compile the
// bundle every time) and when it could be planted by another user.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI } from '../helpers.js';
import { BIN, MAJOR, NODE, VERSION } from './binary.js';

function lookup(env: Record<string, string>, args = ['search', 'car', '--json']) {
  const r = spawnSync(NODE, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

const fresh = () => {
  const root = mkdtempSync(join(tmpdir(), 'cqf-cache-'));
  // HOME and TMPDIR point into the test's folder too: nothing may be written elsewhere.
  return { root, env: { XDG_CACHE_HOME: join(root, 'xdg'), HOME: join(root, 'home'), TMPDIR: root } };
};
const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe(`V8's code cache on Node ${VERSION}`, () => {
  it('is written after the first lookup, in a private directory, one entry per kind of lookup', () => {
    const { root, env } = fresh();
    const first = lookup(env);
    const dir = join(root, 'xdg', 'chongqing-facts');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const written = entries(dir);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^main\.cjs\.search-json\.[0-9a-f]{16}\..+\.cache$/);
    expect(statSync(join(dir, written[0] ?? '')).mode & 0o777).toBe(0o600);
    // A table lookup adds entries for itself, the table bundle included (off a terminal, a table only when asked for).
    lookup(env, ['list', '--theme', 'ecology', '--format', 'table']);
    expect(entries(dir).filter((e) => e.includes('.list-text.'))).toHaveLength(2);
    // The same answer with the cache as without.
    expect(lookup(env)).toBe(first);
  });

  it('is accepted on the next run: the entry is not written again', () => {
    const { root, env } = fresh();
    lookup(env);
    const dir = join(root, 'xdg', 'chongqing-facts');
    const [entry] = entries(dir);
    const before = statSync(join(dir, entry ?? '')).mtimeMs;
    lookup(env);
    expect(statSync(join(dir, entry ?? '')).mtimeMs).toBe(before);
  });

  it('an entry V8 rejects (corrupt) is ignored and written anew', () => {
    const { root, env } = fresh();
    const good = lookup(env);
    const dir = join(root, 'xdg', 'chongqing-facts');
    const [entry] = entries(dir);
    const file = join(dir, entry ?? '');
    writeFileSync(file, Buffer.alloc(4096, 7));
    expect(lookup(env)).toBe(good);
    expect(statSync(file).size).not.toBe(4096);
  });

  it.each([
    ['a directory others can write', (dir: string) => chmodSync(dir, 0o777)],
    ['a directory others can read', (dir: string) => chmodSync(dir, 0o755)],
  ])('is not used in %s', (_name, spoil) => {
    const { root, env } = fresh();
    const dir = join(root, 'xdg', 'chongqing-facts');
    mkdirSync(dir, { recursive: true });
    spoil(dir);
    lookup(env);
    expect(entries(dir)).toEqual([]);
  });

  it('is not used through a symbolic link', () => {
    const { root, env } = fresh();
    const target = join(root, 'elsewhere');
    mkdirSync(target, { mode: 0o700 });
    mkdirSync(join(root, 'xdg'));
    symlinkSync(target, join(root, 'xdg', 'chongqing-facts'));
    lookup(env);
    expect(entries(target)).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)('is not used in a directory another user owns', () => {
    const { root, env } = fresh();
    const dir = join(root, 'xdg', 'chongqing-facts');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chownSync(dir, 65534, 65534);
    lookup(env);
    expect(entries(dir)).toEqual([]);
  });

  // node:sqlite (Node 22.13+) for the index; .ci/run runs test/e2e on Node 22 and 24.
  it.skipIf(MAJOR < 22)('loads a bundle file once a run, though the validator\'s stand-in requires it at each fact (facts read from an index)', () => {
    const { root, env } = fresh();
    const file = join(root, 'facts.json');
    copyFileSync(MINI, file);
    // Counts the reads of validate.cjs (the starter reads each bundle with readFileSync).
    const counter = join(root, 'count.cjs');
    writeFileSync(
      counter,
      "const fs = require('node:fs'); const read = fs.readFileSync; let n = 0;\n" +
        "fs.readFileSync = function (p, ...rest) { if (String(p).endsWith('validate.cjs')) n++; return read.call(this, p, ...rest); };\n" +
        "process.on('exit', () => fs.writeFileSync(process.env.COUNT_FILE, String(n)));\n",
    );
    const run = (args: string[]) =>
      spawnSync(NODE, ['--require', counter, BIN, ...args, '--data', file], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env, COUNT_FILE: join(root, 'n') } });
    expect(run(['index', '--beside']).status).toBe(0);
    const list = run(['list', '--json']);
    expect(list.status).toBe(0);
    // Every fact was read from the facts file through its index and checked alone.
    expect(JSON.parse(list.stdout)).toHaveLength(4);
    expect(readFileSync(join(root, 'n'), 'utf8')).toBe('1');
  });

  it('is off with CHONGQING_FACTS_CODE_CACHE=0', () => {
    const { root, env } = fresh();
    lookup({ ...env, CHONGQING_FACTS_CODE_CACHE: '0' });
    expect(existsSync(join(root, 'xdg'))).toBe(false);
  });

  it('falls back to ~/.cache without XDG_CACHE_HOME, and writes nothing to the temporary directory', () => {
    const { root, env } = fresh();
    const { XDG_CACHE_HOME: _, ...noXdg } = env;
    lookup(noXdg);
    expect(entries(join(root, 'home', '.cache', 'chongqing-facts'))).toHaveLength(1);
    // Node's own compile cache would be $TMPDIR/node-compile-cache (Node 22 and later).
    expect(entries(root).filter((e) => e !== 'home')).toEqual([]);
    if (MAJOR >= 22) expect(existsSync(join(root, 'node-compile-cache'))).toBe(false);
  });
});
