// The on-disk index through the built binary, on the Node that CQF_NODE names
// (.ci/run: 22 and 24 too): the bundled facts never load node:sqlite; a big
// file is indexed once and then searched about as fast at 10,000 facts as at
// 1,000; an interrupted build leaves no index; and a Node without
// node:sqlite searches a big file in memory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script, without types
import { writeSyntheticFacts } from '../../scripts/synthetic-facts.mjs';
import { BIN, NODE, VERSION } from './binary.js';

const MAIN = fileURLToPath(new URL('../../dist/main.cjs', import.meta.url));
const HAS_SQLITE = spawnSync(NODE, ['-p', "typeof process.getBuiltinModule === 'function' && !!process.getBuiltinModule('node:sqlite')"], {
  encoding: 'utf8',
}).stdout.trim() === 'true';
const SKIP = `skipped: Node ${VERSION} has no node:sqlite (the on-disk index needs 22.13+)`;

let dir: string;
let small: string;
let big: string;
const env = () => ({ PATH: process.env.PATH, XDG_CACHE_HOME: join(dir, 'cache') });
const run = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(NODE, [BIN, ...args], { encoding: 'utf8', env: { ...env(), ...extra } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cqf-e2e-index-'));
  small = join(dir, 'facts-1k.json');
  big = join(dir, 'facts-10k.json');
  // Generated once for the whole file: 1,000 facts (0.7 MB) and 10,000 (7 MB, above the automatic threshold).
  await writeSyntheticFacts(small, 1000);
  await writeSyntheticFacts(big, 10_000);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built-in modules a lookup through the bundle loaded. */
function builtins(argv: string[]): string[] {
  const script = `
    const before = new Set(process.moduleLoadList);
    const { run } = require(${JSON.stringify(MAIN)});
    const io = { stdout() {}, stderr() {}, env: process.env, isTTY: false };
    run(${JSON.stringify(argv)}, io).then((code) => {
      const loaded = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13));
      process.stdout.write(JSON.stringify({ code, loaded }));
    });`;
  const r = spawnSync(NODE, ['-e', script], { encoding: 'utf8', env: env() });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { code: number; loaded: string[] };
  expect(out.code).toBe(0);
  return out.loaded;
}

describe(`the on-disk index through the binary, on Node ${VERSION}`, () => {
  it('a lookup of the bundled facts, or of a small file without an index, never loads node:sqlite', () => {
    for (const argv of [['search', 'car', '--json'], ['search', 'automobile'], ['list', '--theme', 'ecology'], ['show', 'gdp-2025']]) {
      expect(builtins(argv), argv.join(' ')).not.toContain('sqlite');
    }
    // Nor node:os (the cache directory's home) for a file that has no index.
    const loaded = builtins(['search', 'car', '--json', '--data', small]);
    expect(loaded).not.toContain('sqlite');
    expect(loaded).not.toContain('os');
  });

  it.skipIf(!HAS_SQLITE)('a big file does load it (so the check above is not vacuous)', () => {
    expect(builtins(['search', 'car', '--json', '--data', big])).toContain('sqlite');
  });

  it('without node:sqlite, a big file is searched in memory (the note is for a terminal: test/index)', () => {
    const r = run(['search', 'automobile', '--json', '-n', '2', '--data', big], { CHONGQING_FACTS_SQLITE: '0' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    expect(r.stderr).toBe('');
  });

  it.skipIf(!HAS_SQLITE)('an interrupted build leaves no index, and the next build cleans up after it', async () => {
    const indexes = join(dir, 'cache', 'chongqing-facts', 'indexes');
    rmSync(indexes, { recursive: true, force: true });
    const child = spawn(NODE, [BIN, 'index', '--data', big], { env: env(), stdio: 'ignore' });
    const exited = new Promise<[number | null, string | null]>((r) => child.on('exit', (c, s) => r([c, s])));
    // Once the build has begun: its temporary file is there.
    while (!(existsSync(indexes) && readdirSync(indexes).some((f) => f.endsWith('.tmp')))) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect(code === 0 ? 'finished first' : 'interrupted').toBe('interrupted');
    expect(signal).toBe('SIGINT');
    expect(readdirSync(indexes).filter((f) => f.endsWith('.sqlite'))).toEqual([]);
    const r = run(['index', '--data', big]);
    expect(r.status).toBe(0);
    expect(existsSync(r.stdout.trim())).toBe(true);
    expect(readdirSync(indexes).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!HAS_SQLITE)('once indexed, a search over 10,000 facts takes at most 3x one over 1,000', () => {
    for (const file of [small, big]) expect(run(['index', '--data', file]).status).toBe(0);
    const median = (file: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        const r = run(['search', 'automobile', '--json', '--data', file]);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('');
      }
      return times.sort((a, b) => a - b)[2] ?? 0;
    };
    const [t1k, t10k] = [median(small), median(big)];
    expect(t10k, `1k: ${t1k.toFixed(0)} ms, 10k: ${t10k.toFixed(0)} ms`).toBeLessThanOrEqual(3 * t1k);
  });

  it.skipIf(!HAS_SQLITE)('the index answers as the in-memory search does, at 10,000 facts', () => {
    for (const argv of [['search', 'automobile', '--json'], ['search', 'autmobile producton', '--json'], ['list', '--theme', 'ecology', '--limit', '5', '--json'], ['show', 'gdp-2025-131', '--json']]) {
      const indexed = run([...argv, '--data', big]);
      const memory = run([...argv, '--data', big], { CHONGQING_FACTS_SQLITE: '0' });
      expect(indexed.stdout, argv.join(' ')).toBe(memory.stdout);
      expect(indexed.status).toBe(memory.status);
    }
  });

  if (!HAS_SQLITE) it.skip(SKIP, () => {});
});
