// The on-disk index (src/index/): it ranks exactly as the in-memory index on
// the bundled facts, is rebuilt when its facts file changes, lives beside the
// file when asked, and treats a damaged or hostile index file as input to
// check, never to trust. Needs node:sqlite (Node 22.13+): skipped, saying so,
// on Node 20; .ci/run runs this file on Node 22 and 24.
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { search } from '../../src/search/rank.js';
import { buildIndex } from '../../src/search/word-index.js';
import { buildIndexFile } from '../../src/index/build.js';
import { openIndex, type FactsIndex } from '../../src/index/disk.js';
import { AUTO_INDEX_BYTES, BESIDE_SUFFIX, cacheName, indexedFacts, indexFile } from '../../src/index/place.js';
// @ts-expect-error -- a plain ES module script, without types
import { writeSyntheticFacts } from '../../scripts/synthetic-facts.mjs';
import { scanFactsFile } from '../../src/index/scan.js';
import { CHUNK_FACTS } from '../../src/index/schema.js';
import { WORKER_FILE } from '../../src/index/words-pool.js';
import { sqlite } from '../../src/index/sqlite.js';
import { FIELD_WEIGHTS } from '../../src/search/word-index.js';
import { cli, MINI } from '../helpers.js';
import type { RelevanceQuery } from '../search/relevance-eval.js';
import { HAS_SQLITE, SKIP_REASON } from './sqlite.js';

const BUNDLED = new URL('../../data/facts.json', import.meta.url).pathname;
const queries: RelevanceQuery[] = JSON.parse(readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8'));
/** The relevance queries and more: typos (one and two edits, swapped letters), starts of words, Chinese, several topics. */
const QUERIES = [
  ...queries.map((q) => q.query),
  'autmobile',
  'automobiel',
  'automobeil producton',
  'laon',
  'gpd',
  'manufactring',
  'semiconducter',
  'agri',
  'ranked third',
  'car',
  '重庆汽车',
  '脐橙',
  'gdp and population',
  'air quality, forests',
  'constructor',
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cqf-index-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!HAS_SQLITE)('the on-disk index', () => {
  let disk: FactsIndex;
  const data = loadFacts();
  const memory = buildIndex(data.facts, data.themes);

  beforeAll(() => {
    const file = join(dir, 'bundled.sqlite');
    buildIndexFile(BUNDLED, BUNDLED, file);
    disk = openIndex(file, BUNDLED, BUNDLED);
  });

  it('ranks the bundled facts exactly as the in-memory index: the same facts, order, scores and matched words', () => {
    for (const q of QUERIES) {
      const want = search(memory, q).map((h) => [h.fact.id, h.score, h.matched]);
      expect(search(disk, q).map((h) => [h.fact.id, h.score, h.matched]), q).toEqual(want);
    }
  });

  it('ranks the same when it hands every word over for a typo, as for a query word it has no plan for', () => {
    disk.everyWord = true;
    try {
      for (const q of QUERIES) {
        const want = search(memory, q).map((h) => [h.fact.id, h.score, h.matched]);
        expect(search(disk, q).map((h) => [h.fact.id, h.score, h.matched]), q).toEqual(want);
      }
    } finally {
      disk.everyWord = false;
    }
  });

  it('holds the facts as loading gives them, in order, and counts them as stats does', () => {
    expect([...disk.facts()]).toEqual(data.facts);
    expect(disk.factById('gdp-2025')).toEqual(data.facts.find((f) => f.id === 'gdp-2025'));
    expect(disk.factById('no-such-fact')).toBeUndefined();
  });

  it('stores field weights exactly (hundredths)', () => {
    for (const w of Object.values(FIELD_WEIGHTS)) expect(Math.round(w * 100) / 100).toBe(w);
  });
});

describe.skipIf(!HAS_SQLITE)('typos at 10,000 facts: the candidates the index finds rank as every word does in memory', () => {
  let disk: FactsIndex;
  let memory: ReturnType<typeof buildIndex>;
  beforeAll(async () => {
    const file = join(dir, 'facts-10k.json');
    await writeSyntheticFacts(file, 10_000);
    buildIndexFile(file, file, join(dir, 'facts-10k.sqlite'));
    disk = openIndex(join(dir, 'facts-10k.sqlite'), file, file);
    const data = loadFacts(file);
    memory = buildIndex(data.facts, data.themes);
  }, 180_000);
  afterAll(() => disk.close());

  /** Typos of the file's own words (its made-up names too): a letter swapped, left out, changed; two at once. */
  function typos(): string[] {
    const words = Object.keys(memory.postings).filter((w) => /^[a-z]{5,}$/.test(w));
    const out: string[] = [];
    for (let i = 0; i < 48; i++) {
      const w = words[Math.floor((i * words.length) / 48)] ?? '';
      const m = Math.floor(w.length / 2);
      const swap = (s: string, at: number) => s.slice(0, at - 1) + s.charAt(at) + s.charAt(at - 1) + s.slice(at + 1);
      const variants = [swap(w, m), w.slice(0, m) + w.slice(m + 1), `${w.slice(0, m)}x${w.slice(m + 1)}`, swap(swap(w, Math.ceil(w.length / 3)), w.length - 1)];
      out.push(variants[i % variants.length] ?? w);
    }
    return out;
  }

  it('the same facts, order, scores and matched words for misspelt words', () => {
    const queries = [...typos(), 'autmobile', 'automobiel', 'manufactring', 'producton', 'semiconducter', 'chenduqnig', 'laon', 'gpd', 'agri'];
    let matched = 0;
    for (const q of queries) {
      const want = search(memory, q).map((h) => [h.fact.id, h.score, h.matched]);
      expect(search(disk, q).map((h) => [h.fact.id, h.score, h.matched]), q).toEqual(want);
      if (want.length > 0) matched++;
    }
    expect(matched, 'most typos find facts (the comparison is not vacuous)').toBeGreaterThan(queries.length / 2);
  });
});

describe.skipIf(!HAS_SQLITE)('reading a facts file piece by piece', () => {
  it('cuts values anywhere (one byte at a time), escapes and all', () => {
    const file = join(dir, 'escapes.json');
    const facts = [
      { id: 'a', theme: 't', statement: 'Quote \\" and backslash \\\\ and \\\\\\" end.', source: 'x "y" \\ z' },
      { id: 'b', theme: 't', statement: '重庆 ’ unicode \u2028 line', source: '[{}],' },
    ];
    writeFileSync(file, JSON.stringify({ meta: { title: 'T' }, facts, themes: [{ id: 't', name: 'T' }] }, null, 1));
    const seen: unknown[] = [];
    const top: Record<string, unknown> = {};
    const places: [number, number][] = [];
    const r = scanFactsFile(file, file, {
      top: (k, v) => (top[k] = v),
      factsStart: () => {},
      fact: (v, _, at, bytes) => {
        seen.push(v);
        places.push([at, bytes]);
      },
      chunkBytes: 1,
    });
    expect(seen).toEqual(facts);
    // Where each fact lies in the file: the index reads it from there (source.ts).
    const bytes = readFileSync(file);
    expect(places.map(([at, n]) => JSON.parse(bytes.subarray(at, at + n).toString('utf8')))).toEqual(facts);
    expect(top).toEqual({ meta: { title: 'T' }, themes: [{ id: 't', name: 'T' }] });
    expect(r.bytes).toBe(statSync(file).size);
  });

  // Each broken file fails the build with loadFacts' own message.
  const broken: [string, string][] = [
    ['a fact of the wrong shape', JSON.stringify({ facts: [{ id: 'a', theme: 't', statement: 's', source: 's' }, { id: 'b', theme: 't', statement: 5, source: 's' }] })],
    ['a repeated id', JSON.stringify({ facts: [{ id: 'a', theme: 't', statement: 's', source: 's' }, { id: 'b', theme: 't', statement: 's', source: 's' }, { id: 'a', theme: 't', statement: 's', source: 's' }] })],
    ['an undeclared theme', JSON.stringify({ themes: [{ id: 't', name: 'T' }], facts: [{ id: 'a', theme: 'u', statement: 's', source: 's' }] })],
    ['themes after the facts, one undeclared', JSON.stringify({ facts: [{ id: 'a', theme: 't', statement: 's', source: 's' }, { id: 'b', theme: 'u', statement: 's', source: 's' }], themes: [{ id: 't', name: 'T' }] })],
    ['an id that is not kebab-case', JSON.stringify([{ id: 'A b', theme: 't', statement: 's', source: 's' }])],
    ['a repeat before a shape problem', JSON.stringify({ facts: [{ id: 'a', theme: 't', statement: 's', source: 's' }, { id: 'a', theme: 't', statement: 's', source: 's' }, { id: 'c', theme: 't', statement: 's' }] })],
    ['an unknown top-level field', JSON.stringify({ facts: [], factz: [] })],
    ['no facts', JSON.stringify({ meta: { title: 'x' } })],
  ];
  it.each(broken)('%s: the same error as loading it whole', (_, text) => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, text);
    let want = '';
    try {
      loadFacts(file);
    } catch (err) {
      want = (err as Error).message;
    }
    expect(want).not.toBe('');
    expect(() => buildIndexFile(file, file, join(dir, 'broken.sqlite'))).toThrow(want);
    expect(existsSync(join(dir, 'broken.sqlite'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('weighs the words in worker threads (a chunk to each, or to its own thread when they are behind) exactly as on its own thread: the same tables, row for row', async () => {
    // The workers' bundle: made by the build (npm test builds first).
    expect(existsSync(WORKER_FILE)).toBe(true);
    const file = join(dir, 'two-chunks.json');
    await writeSyntheticFacts(file, CHUNK_FACTS + 500);
    const rows = (workers: number, behind?: number) => {
      const target = join(dir, `workers-${workers}-${behind}.sqlite`);
      buildIndexFile(file, file, target, { workers, behind });
      const db = new (sqlite() as NonNullable<ReturnType<typeof sqlite>>).DatabaseSync(target, { readOnly: true });
      try {
        // Each table's rows in key order, as a digest (comparing tens of thousands of rows one by one takes the test runner a minute).
        return ['postings ORDER BY word, chunk', 'words ORDER BY word', 'facts ORDER BY doc', 'ranking ORDER BY chunk', "meta WHERE key <> 'mtime' ORDER BY key"].map((t) => {
          const hash = createHash('sha256');
          let n = 0;
          for (const row of db.prepare(`SELECT * FROM ${t}`).iterate()) {
            n++;
            for (const v of Object.values(row)) hash.update(`${v instanceof Uint8Array ? Buffer.from(v).toString('hex') : typeof v}:${String(v)};`);
          }
          return `${t.split(' ')[0] ?? ''} ${n} rows ${hash.digest('hex')}`;
        });
      } finally {
        db.close();
      }
    };
    const here = rows(0);
    expect(here[0]).toMatch(/^postings \d{5,} rows [0-9a-f]{64}$/);
    expect(rows(2)).toEqual(here);
    // Every chunk on the build's own thread through the pool; then (one worker, behind at one chunk) the first
    // chunk in the worker and the next on the build's thread, the worker still at the first when it begins.
    expect(rows(1, 0)).toEqual(here);
    expect(rows(1, 1)).toEqual(here);
  });

  it('themes after the facts: the words made again with them (a rollback of the first pass), no journal file left', () => {
    const file = join(dir, 'themes-last.json');
    const facts = [
      { id: 'a', theme: 't', statement: 'Cars.', source: 'Cars.' },
      { id: 'b', theme: 'u', statement: 'Boats.', source: 'Boats.' },
    ];
    writeFileSync(file, JSON.stringify({ facts, themes: [{ id: 't', name: 'Transport' }, { id: 'u', name: 'Harbours' }] }));
    const target = join(dir, 'themes-last.sqlite');
    buildIndexFile(file, file, target);
    const index = openIndex(target, file, file);
    try {
      expect([...index.facts()]).toEqual(loadFacts(file).facts);
      const loaded = loadFacts(file);
      const memory = buildIndex(loaded.facts, loaded.themes);
      for (const q of ['transport', 'harbour', 'cars']) expect(search(index, q).map((h) => [h.fact.id, h.score]), q).toEqual(search(memory, q).map((h) => [h.fact.id, h.score]));
      // The themes' words, which only the second pass knew.
      expect(index.hasWord('harbour')).toBe(true);
    } finally {
      index.close();
    }
    expect(readdirSync(dir).filter((f) => f.includes('-journal'))).toEqual([]);
  });

  it('invalid JSON: one line, where it is', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"facts": [\n{"id": "a", "theme": "t", "statement": "s", "source": "s"},\n{"id": "b" "theme": "t"}]}');
    expect(() => buildIndexFile(file, file, join(dir, 'bad.sqlite'))).toThrow(/is not valid JSON: .* at line 3, column \d+$/);
  });
});

describe.skipIf(!HAS_SQLITE)('where the index lives, and when it is rebuilt', () => {
  const env = () => ({ XDG_CACHE_HOME: join(dir, 'cache') });
  const fresh = (name: string) => {
    const file = join(dir, name);
    copyFileSync(MINI, file);
    return file;
  };

  it('is built by `index`, kept in the cache directory (0700), and used by lookups', async () => {
    const file = fresh('mini-a.json');
    const r = await cli(['index', '--data', file], { env: env() });
    expect(r.code).toBe(0);
    const index = r.stdout.trim();
    expect(index).toBe(join(dir, 'cache', 'chongqing-facts', 'indexes', cacheName(file)));
    expect(statSync(join(dir, 'cache', 'chongqing-facts', 'indexes')).mode & 0o777).toBe(0o700);
    expect(r.stderr).toMatch(/indexed \d+ facts/);
    expect(indexedFacts(file, { env: env() })?.index.file).toBe(index);
    // Again: up to date.
    expect((await cli(['index', '--data', file], { env: env() })).stderr).toMatch(/up to date/);
    // Lookups through it answer as without it.
    for (const argv of [
      ['search', 'gdp', '--json'],
      ['search', 'gdp', '--json', '--theme', 'industry', '--limit', '1'],
      ['search', 'gdp', '--json', '--sort', 'value'],
      ['list', '--json', '--limit', '2'],
      ['list', '--json', '--theme', 'industry', '--min', '1e9', '--unit', 'rmb'],
      ['list', '--json', '--sort', 'value', '--limit', '3'],
      ['list', '--json', '--year', '2025'],
      ['list', '--json', '--unit', 'furlongs'],
      ['show', 'gdp-2025', '--json'],
      ['show', 'gdp-2026', '--json'],
      ['random', '--seed', '7', '--json'],
      ['random', '--seed', '7', '--theme', 'industry', '--json'],
      ['stats', '--json'],
      ['themes', '--json'],
      ['info', '--json'],
    ]) {
      const indexed = await cli([...argv, '--data', file], { env: env() });
      const plain = await cli([...argv, '--data', MINI], { env: {} });
      // info names the file it read, and its article beside it.
      const same = (text: string) => text.replaceAll(file, MINI).replaceAll(dir, dirname(MINI));
      expect(same(indexed.stdout), argv.join(' ')).toBe(plain.stdout);
      expect(same(indexed.stderr), argv.join(' ')).toBe(plain.stderr);
      expect(indexed.code).toBe(plain.code);
    }
  });

  it('is rebuilt when the file changes size or bytes, and kept when only its time changed (the hash settles it)', () => {
    const file = fresh('mini-b.json');
    const first = indexFile(file, { env: env() });
    expect(first.built).toBe(true);
    // Same bytes, new time: kept.
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(indexFile(file, { env: env() }).built).toBe(false);
    // Same size, other bytes: rebuilt.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"gdp-2025"', '"gdp-2024"'));
    expect(indexFile(file, { env: env() }).built).toBe(true);
    expect(indexedFacts(file, { env: env() })?.index.factById('gdp-2024')).toBeDefined();
    // Another size: rebuilt.
    appendFileSync(file, '\n');
    expect(indexFile(file, { env: env() }).built).toBe(true);
  });

  it('--beside keeps it beside the file, and one there is used', async () => {
    const file = fresh('mini-c.json');
    const r = await cli(['index', '--beside', '--data', file], { env: env() });
    expect(r.stdout.trim()).toBe(file + BESIDE_SUFFIX);
    expect(existsSync(file + BESIDE_SUFFIX)).toBe(true);
    expect(indexedFacts(file, { env: env() })?.index.file).toBe(file + BESIDE_SUFFIX);
    expect(existsSync(join(dir, 'cache', 'chongqing-facts', 'indexes', cacheName(file)))).toBe(false);
  });

  it('a damaged index in the cache is rebuilt; one beside the file is a clean error (exit 2)', async () => {
    const file = fresh('mini-d.json');
    const cached = indexFile(file, { env: env() }).file;
    writeFileSync(cached, 'not a database at all, not at all');
    expect(indexFile(file, { env: env() }).built).toBe(true);

    const other = fresh('mini-e.json');
    writeFileSync(other + BESIDE_SUFFIX, 'SQLite format 3\0 and then garbage');
    const r = await cli(['search', 'gdp', '--data', other], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^chongqing-facts: error: .*is not a usable index of .*index --beside --force/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    // --force rebuilds it.
    expect((await cli(['index', '--beside', '--force', '--data', other], { env: env() })).code).toBe(0);
    expect((await cli(['search', 'gdp', '--data', other], { env: env() })).code).toBe(0);
  });

  it('a hostile index (an extra trigger, a forged fact, bad postings) is refused or reported, never trusted or crashed on', async () => {
    const mod = sqlite();
    if (!mod) return;
    const tamper = async (name: string, sql: string, argv = ['search', 'gdp', '--json']) => {
      const file = fresh(name);
      const index = indexFile(file, { beside: true, env: env() }).file;
      const db = new mod.DatabaseSync(index);
      db.exec(sql);
      db.close();
      return cli([...argv, '--data', file], { env: env() });
    };
    const trigger = await tamper('h1.json', "CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END");
    expect(trigger.code).toBe(2);
    expect(trigger.stderr).toMatch(/tables are not those of an index of ours/);
    // A fact's place in the file forged: not JSON there, outside the file, or another fact.
    const shifted = await tamper('h2.json', 'UPDATE facts SET at = at + 1', ['list', '--json']);
    expect(shifted.code).toBe(2);
    expect(shifted.stderr).toMatch(/^chongqing-facts: error: .*is not a usable index of .*\(fact 0 is not JSON: the facts file changed since it was indexed\)/);
    const outside = await tamper('h5.json', 'UPDATE facts SET bytes = 1000000000', ['list', '--json']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is not a usable index of .*\(a fact outside the facts file\)/);
    const swapped = await tamper('h6.json', 'UPDATE facts SET at = (SELECT at FROM facts WHERE doc = 1), bytes = (SELECT bytes FROM facts WHERE doc = 1) WHERE doc = 0', ['list', '--json']);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toMatch(/is not a usable index of .*\(fact 0 is not the one indexed: the facts file changed since it was indexed\)/);
    const forged = [shifted, outside, swapped];
    const postings = await tamper('h3.json', "UPDATE postings SET data = x'0102030405'");
    expect(postings.code).toBe(2);
    expect(postings.stderr).toMatch(/not a usable index|postings of a wrong length/);
    const meta = await tamper('h4.json', `UPDATE meta SET value = '"../../etc"' WHERE key = 'sha256'`);
    expect(meta.code).toBe(2);
    // What ranking needs of each fact: cut short, or values no build writes (NaN here), is damage, not a fact without figures.
    const short = await tamper('h7.json', "UPDATE ranking SET data = x'00'");
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/is not a usable index of .*\(ranking details of a wrong length\)/);
    const nan = Buffer.alloc(8);
    nan.writeDoubleLE(Number.NaN);
    const flags = await tamper('h8.json', `UPDATE ranking SET data = unhex(replace(hex(zeroblob(length(data) / 8)), '00', '${nan.toString('hex')}'))`);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/is not a usable index of .*\(ranking details of fact \d+ are not a build's\)/);
    for (const r of [trigger, ...forged, postings, meta, short, flags]) expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
  });

  // Anyone who can write beside a facts file can put a named pipe where its
  // index would be: opening it would wait for a writer forever.
  // The built CLI in a process of its own, with a time limit: were it to
  // wait, in-process it would stop the whole test run.
  it.skipIf(process.platform === 'win32')('a named pipe where the index would be is a clean error, not a wait', () => {
    const file = fresh('mini-fifo.json');
    execFileSync('mkfifo', [file + BESIDE_SUFFIX]);
    const bin = new URL('../../bin/chongqing-facts.cjs', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [bin, 'search', 'gdp', '--data', file], { env: { ...process.env, ...env() }, encoding: 'utf8', timeout: 30_000 });
    expect(r.error, 'it waited').toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^chongqing-facts: error: .*is not a usable index of .*\(not a regular file\)/);
  });

  it('a facts file changed in place since it was indexed (same size, time put back) gives an error, never a wrong fact', async () => {
    const file = fresh('changed.json');
    // A whole second: put back exactly (a time read back as a Date loses its nanoseconds).
    const mtime = Math.floor(Date.now() / 1000) - 60;
    const atime = mtime;
    utimesSync(file, atime, mtime);
    indexFile(file, { env: env() });
    const text = readFileSync(file, 'utf8');
    const change = async (from: string, to: string) => {
      expect(to).toHaveLength(from.length);
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
      utimesSync(file, atime, mtime);
      return cli(['show', 'gdp-2025', '--json', '--data', file], { env: env() });
    };
    // Another id where gdp-2025 was: the index's id and the file's differ.
    const renamed = await change('"gdp-2025"', '"gdp-2024"');
    expect(renamed.code).toBe(2);
    expect(renamed.stderr).toMatch(/^chongqing-facts: error: .*is not a usable index of .*\(fact \d+ is not the one indexed: the facts file changed since it was indexed\)/);
    // A fact of the wrong shape: checked as a fact of the file is, and named by the index it came from.
    const broken = await change(`"statement": "Chongqing's GDP exceeded`, `"statemenX": "Chongqing's GDP exceeded`);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^chongqing-facts: error: .*\(its index .*\): facts\[\d+\] \(id "gdp-2025"\): /);
    for (const r of [renamed, broken]) expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
  });

  it('a small file without an index is read in memory, as always', () => {
    expect(indexedFacts(fresh('mini-f.json'), { env: env() })).toBeUndefined();
  });
});

describe.skipIf(HAS_SQLITE)('on a Node without node:sqlite (Node 20)', () => {
  it('a big file is searched in memory, with a one-line note on a terminal saying why it is slow', async () => {
    const big = join(dir, 'big.json');
    await writeSyntheticFacts(big, 8000);
    expect(statSync(big).size).toBeGreaterThan(AUTO_INDEX_BYTES);
    const r = await cli(['search', 'automobile', '--json', '-n', '1', '--data', big], { stderrIsTTY: true, env: { XDG_CACHE_HOME: join(dir, 'cache20') } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toMatch(/^chongqing-facts: note: this Node \(v[\d.]+\) has no node:sqlite, .*slow; Node 22\.13 or later builds an on-disk index once\n$/);
    expect(existsSync(join(dir, 'cache20'))).toBe(false);
    // `index` says what it needs.
    const index = await cli(['index', '--data', big], { env: {} });
    expect(index.code).toBe(2);
    expect(index.stderr).toMatch(/index needs node:sqlite, which this Node \(v[\d.]+\) lacks; use Node 22\.13 or later/);
  });
});

if (!HAS_SQLITE) describe('the on-disk index', () => it.skip(SKIP_REASON, () => {}));
