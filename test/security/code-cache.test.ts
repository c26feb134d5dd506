// V8's code cache is code we run: every directory above it must be safe
// from other users, and the entry is written without following a link.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, writeEntry } from '../../src/cli/code-cache.js';
import { cacheRoot } from '../../src/cli/private-dir.js';
import { runBuilt } from './built.js';

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

// The code cache and the on-disk indexes both live below cacheRoot: only an
// absolute path counts, never one relative to the working directory.
describe('the per-user cache root', () => {
  it.each([
    ['XDG_CACHE_HOME when absolute', { XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, '/x/cache/chongqing-facts'],
    ['HOME/.cache otherwise', { HOME: '/home/u' }, '/home/u/.cache/chongqing-facts'],
    ['HOME/.cache when XDG_CACHE_HOME is relative', { XDG_CACHE_HOME: 'cache', HOME: '/home/u' }, '/home/u/.cache/chongqing-facts'],
  ])('%s', (_name, env, root) => expect(cacheRoot(env)).toBe(root));

  it('never a relative HOME', () => {
    expect(cacheRoot({ HOME: 'relative/home' })).not.toMatch(/^relative/);
  });
});

describe('code cache directory', () => {
  it.each([
    ['writable by others, no sticky bit', 0o777, false],
    ['writable by its group', 0o775, false],
    ['writable by others with the sticky bit (as /tmp)', 0o1777, true],
    ['ours, closed', 0o755, true],
  ])('an ancestor two levels up %s', (_name, mode, used) => {
    const root = mkdtempSync(join(tmpdir(), 'cqf-anc-'));
    const above = join(root, 'above');
    mkdirSync(join(above, 'parent'), { recursive: true });
    chmodSync(above, mode);
    const xdg = join(above, 'parent');
    expect(codeCacheDir({ XDG_CACHE_HOME: xdg }) !== undefined).toBe(used);
    const r = runBuilt(['search', 'car', '--json'], { env: { XDG_CACHE_HOME: xdg, HOME: join(root, 'home') } });
    expect(r.code).toBe(0);
    expect(entries(join(xdg, 'chongqing-facts')).length > 0).toBe(used);
  });

  it('a link planted at the temporary entry name is not followed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqf-link-'));
    const target = join(dir, 'victim');
    writeFileSync(target, 'precious');
    const entry = join(dir, 'main.cjs.x.cache');
    symlinkSync(target, `${entry}.${process.pid}.tmp`);
    writeEntry(entry, Buffer.from('planted code'));
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(existsSync(entry)).toBe(false);
  });

  it('an ordinary write still works, mode 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqf-entry-'));
    const entry = join(dir, 'e.cache');
    writeEntry(entry, Buffer.from('data'));
    expect(readFileSync(entry, 'utf8')).toBe('data');
    expect(entries(dir)).toEqual(['e.cache']);
  });
});
