// Reads the on-disk index of a big facts file (build.ts writes it): the search
// index that rank.ts ranks with (SearchIndex, as the in-memory one), and the
// facts themselves, read by id, by position or in order, only as far as a
// lookup needs. The file may come from anyone (an index beside a facts file
// is as trusted as the file): it is opened read-only, its tables must be
// exactly ours, every value read is checked, every query has parameters,
// and no SQL text ever comes from it. Anything amiss is a DamagedIndex.
import { statSync } from 'node:fs';
import type Fuse from 'fuse.js';
import type { Defaults, ParsedFacts } from '../data/shape.js';
import { validateFact, validateFactsTop } from '../data/shape.js';
import type { Fact, Meta, Theme } from '../data/types.js';
import type { Stats } from '../core/stats.js';
import type { PostingsView, SearchIndex } from '../search/word-index.js';
import { isHan } from '../search/tokenize.js';
import { unpackRankFlags, type RankInfo } from '../search/rank-info.js';
import { DataError } from '../errors.js';
import { CHUNK_FACTS, INDEX_FORMAT, INDEX_VERSION, SCHEMA } from './schema.js';
import { nearPlan, type NearPlan } from './near.js';
import { sqlite, type Database, type SqlValue, type Statement } from './sqlite.js';
import type { SourceStamp } from './build.js';
import { FactsSource } from './source.js';

/** The index file is not one of ours, or is damaged: rebuilt when it is ours to rebuild, else reported. */
export class DamagedIndex extends Error {}

/** A damaged index met in the middle of a lookup: a data error, with the way out. */
export const damaged = (file: string, name: string, why: string): DataError =>
  new DataError(`${file} is not a usable index of ${name} (${why}); remove it, or rebuild it with: chongqing-facts index --force --data ${name}`);

/** An index of no more facts than this weighs every id for "did you mean", as loading does. */
export const ALL_IDS_UP_TO = 50_000;
/** Ids a scan for "did you mean" reads at most, per prefix. */
const SCAN_LIMIT = 5_000;

interface StoredMeta {
  path: string;
  size: number;
  mtime: string;
  sha256: string;
  facts: number;
  meta: Meta;
  themes: Theme[];
  defaults: Defaults;
  units: string[];
  stats: { withFigures: number; counts: Record<string, { facts: number; withFigures: number }> };
  alphabet: string;
}

let expectedSchema: string | undefined;

/** sqlite_master of a fresh index: what an index file must hold, no more. */
function schemaOf(db: Database): string {
  return JSON.stringify(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all());
}

function ourSchema(): string {
  if (expectedSchema === undefined) {
    const mod = sqlite();
    if (!mod) throw new DamagedIndex('no node:sqlite');
    const db = new mod.DatabaseSync(':memory:');
    for (const sql of SCHEMA) db.exec(sql);
    expectedSchema = schemaOf(db);
    db.close();
  }
  return expectedSchema;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Opens the index at `file` for the facts file `name` (at `realPath`, where
 * its facts are read: never a path the index names): a DamagedIndex when
 * it is not a complete index of ours. Whether it is the index of that file
 * as it is now is fits()'s to say.
 */
export function openIndex(file: string, name: string, realPath: string): FactsIndex {
  const mod = sqlite();
  if (!mod) throw new DamagedIndex('no node:sqlite');
  // Only a regular file: opening a named pipe planted beside a facts file would wait forever.
  let regular: boolean;
  try {
    regular = statSync(file).isFile();
  } catch (err) {
    throw new DamagedIndex(`cannot open: ${(err as Error).message}`);
  }
  if (!regular) throw new DamagedIndex('not a regular file');
  let db: Database;
  try {
    db = new mod.DatabaseSync(file, { readOnly: true });
  } catch (err) {
    throw new DamagedIndex(`cannot open: ${(err as Error).message}`);
  }
  try {
    db.exec('PRAGMA trusted_schema = OFF; PRAGMA query_only = ON');
    if (schemaOf(db) !== ourSchema()) throw new DamagedIndex('its tables are not those of an index of ours');
    const rows = db.prepare('SELECT key, value FROM meta').all();
    const meta: Record<string, unknown> = {};
    for (const { key, value } of rows) meta[String(key)] = JSON.parse(String(value));
    if (meta.format !== INDEX_FORMAT) throw new DamagedIndex('not an index of chongqing-facts');
    if (meta.version !== INDEX_VERSION) throw new DamagedIndex(`an index of another version (${String(meta.version)})`);
    return new FactsIndex(db, file, name, checkMeta(meta, name), realPath);
  } catch (err) {
    db.close();
    if (err instanceof DamagedIndex) throw err;
    throw new DamagedIndex((err as Error).message);
  }
}

function checkMeta(m: Record<string, unknown>, name: string): StoredMeta {
  const ok =
    typeof m.path === 'string' &&
    isCount(m.size) &&
    typeof m.mtime === 'string' &&
    /^\d+$/.test(m.mtime) &&
    typeof m.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(m.sha256) &&
    isCount(m.facts) &&
    typeof m.alphabet === 'string' &&
    Array.isArray(m.units) &&
    m.units.every((u) => typeof u === 'string') &&
    typeof m.defaults === 'object' &&
    m.defaults !== null &&
    typeof m.stats === 'object' &&
    m.stats !== null;
  if (!ok) throw new DamagedIndex('its meta table is not ours');
  // Meta and themes as loading checks them.
  const top = validateFactsTop({ meta: m.meta, themes: m.themes }, true, [], name);
  const stats = m.stats as StoredMeta['stats'];
  if (!isCount(stats.withFigures) || typeof stats.counts !== 'object') throw new DamagedIndex('its counts are not ours');
  for (const c of Object.values(stats.counts)) if (!isCount(c.facts) || !isCount(c.withFigures)) throw new DamagedIndex('its counts are not ours');
  const d = m.defaults as Record<string, unknown>;
  return { ...(m as unknown as StoredMeta), meta: top.meta, themes: top.themes, defaults: { title: d.title === true, themes: d.themes === true } };
}

/** What reading a fact needs of its row. */
const FACT_COLUMNS = 'doc, id, at, bytes';

/** A bounded cache: emptied when full, so that memory stays bounded whatever is asked. */
class Memo<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }
  remember(key: K, value: V): V {
    if (this.size >= this.max) this.clear();
    this.set(key, value);
    return value;
  }
}

/** An opened index: the facts' details, a SearchIndex over it, and reads of facts. */
export class FactsIndex implements SearchIndex {
  readonly origin = 'sqlite';
  fuse?: Fuse<string>;
  private readonly statements = new Map<string, Statement>();
  private readonly postingsMemo = new Memo<string, Float64Array | undefined>(4096);
  private readonly hasMemo = new Memo<string, boolean>(65_536);
  private readonly factMemo = new Memo<number, Fact>(4096);
  private readonly rankingMemo = new Memo<number, Float64Array>(64);
  private han?: string[];
  private latin?: string[];
  private letters?: string[];
  /** For tests: weigh every id for "did you mean" up to this many facts. */
  allIdsUpTo = ALL_IDS_UP_TO;
  /** For tests: hand rank.ts every word for a typo, as the in-memory index does (and as this one does for a word it has no plan for). */
  everyWord = false;
  private readonly source: FactsSource;

  constructor(
    private readonly db: Database,
    readonly file: string,
    private readonly name: string,
    readonly stored: StoredMeta,
    realPath: string,
  ) {
    this.source = new FactsSource(realPath, stored.size, (why) => damaged(file, name, why));
  }

  get size(): number {
    return this.stored.facts;
  }

  /** Whether this is the index of that file as it is now. */
  fits(stamp: SourceStamp): 'yes' | 'no' | 'hash' {
    if (this.stored.path !== stamp.path || this.stored.size !== stamp.size) return 'no';
    return this.stored.mtime === stamp.mtime ? 'yes' : 'hash';
  }

  close(): void {
    this.db.close();
    this.source.close();
  }

  private q(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Runs a read; any failure of the file is a data error that says what to do. */
  private read<T>(what: () => T): T {
    try {
      return what();
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw damaged(this.file, this.name, (err as Error).message);
    }
  }

  // ---- SearchIndex ---------------------------------------------------------

  wordPostings(term: string): PostingsView | undefined {
    if (this.postingsMemo.has(term)) return this.postingsMemo.get(term);
    const list = this.read(() => {
      const rows = this.q('SELECT data FROM postings WHERE word = ? ORDER BY chunk').all(term);
      if (rows.length === 0) return undefined;
      let total = 0;
      for (const { data } of rows) {
        if (!(data instanceof Uint8Array) || data.length % 8 !== 0) throw new Error('postings of a wrong length');
        total += data.length / 8;
      }
      // A typed array: no boxed numbers for a word that tens of thousands of facts hold.
      const out = new Float64Array(total * 3);
      let k = 0;
      for (const { data } of rows) {
        const bytes = data as Uint8Array;
        const n = bytes.length / 8;
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
        for (let i = 0; i < n; i++) {
          const doc = view.getUint32(i * 4, true);
          if (doc >= this.size) throw new Error('postings of a fact that is not there');
          out[k++] = doc;
          out[k++] = view.getUint16(n * 4 + i * 2, true) / 100;
          out[k++] = view.getUint16(n * 6 + i * 2, true) / 100;
        }
      }
      return out;
    });
    return this.postingsMemo.remember(term, list);
  }

  wordFrequency(term: string): number {
    return this.read(() => Number(this.q('SELECT df FROM words WHERE word = ?').get(term)?.df ?? 0));
  }

  hasWord(term: string): boolean {
    const known = this.hasMemo.get(term);
    if (known !== undefined) return known;
    return this.hasMemo.remember(term, this.read(() => this.q('SELECT 1 AS x FROM words WHERE word = ?').get(term) !== undefined));
  }

  wordFamily(root: string): readonly string[] {
    return this.read(() => this.q('SELECT word FROM words WHERE family = ? AND +han = 0 ORDER BY ord').all(root).map((r) => String(r.word)));
  }

  hanWords(): readonly string[] {
    return (this.han ??= this.read(() => this.q('SELECT word FROM words WHERE han = 1 ORDER BY ord').all().map((r) => String(r.word))));
  }

  nearWords(q: string): { words: readonly string[]; all: boolean } {
    // A lone surrogate (a forged index's) is no letter of a word.
    this.letters ??= [...this.stored.alphabet].filter((c) => !/^[\ud800-\udfff]$/.test(c));
    const plan = this.everyWord ? undefined : nearPlan(q, this.letters);
    if (!plan) {
      this.latin ??= this.read(() => this.q('SELECT word FROM words WHERE han = 0 ORDER BY ord').all().map((r) => String(r.word)));
      return { words: this.latin, all: true };
    }
    return { words: this.read(() => this.wordsOf(plan)), all: false };
  }

  /** The words a plan for a typo finds (near.ts), without numbers, in index order. */
  private wordsOf(plan: NearPlan): string[] {
    const found = new Map<string, number>();
    const add = (rows: Record<string, SqlValue>[]) => {
      for (const r of rows) {
        const word = String(r.word);
        if (!/\d/.test(word) && !isHan(word)) found.set(word, Number(r.ord));
      }
    };
    add(this.q('SELECT word, ord FROM words WHERE word IN (SELECT value FROM json_each(?))').all(JSON.stringify(plan.exact)));
    // One statement a span: SQLite walks the words table's key (or the reversed words' index) from each piece,
    // up to the piece followed by U+10FFFF, which no word holds (words are letters, digits and apostrophes).
    for (const s of plan.starts) {
      add(this.q(`SELECT w.word AS word, w.ord AS ord FROM json_each(?) AS k CROSS JOIN words AS w
        WHERE w.word >= k.value AND w.word < k.value || char(1114111) AND w.len BETWEEN ? AND ?`).all(JSON.stringify(s.keys), s.min, s.max));
    }
    for (const s of plan.ends) {
      const keys = s.keys.map((k) => [...k].reverse().join(''));
      add(this.q(`SELECT w.word AS word, w.ord AS ord FROM json_each(?) AS k CROSS JOIN words AS w
        WHERE w.rev >= k.value AND w.rev < k.value || char(1114111) AND w.len BETWEEN ? AND ?`).all(JSON.stringify(keys), s.min, s.max));
    }
    return [...found].sort((x, y) => x[1] - y[1]).map(([w]) => w);
  }

  factAt(doc: number): Fact | undefined {
    if (!Number.isInteger(doc) || doc < 0 || doc >= this.size) return undefined;
    const hit = this.factMemo.get(doc);
    if (hit) return hit;
    const row = this.read(() => this.q(`SELECT ${FACT_COLUMNS} FROM facts WHERE doc = ?`).get(doc));
    if (!row) throw damaged(this.file, this.name, `fact ${doc} is missing`);
    return this.factMemo.remember(doc, this.parseFact(row));
  }

  rankInfo(doc: number): RankInfo | undefined {
    if (!Number.isInteger(doc) || doc < 0 || doc >= this.size) return undefined;
    const chunk = Math.floor(doc / CHUNK_FACTS);
    let data = this.rankingMemo.get(chunk);
    if (!data) {
      const row = this.read(() => this.q('SELECT data FROM ranking WHERE chunk = ?').get(chunk));
      const blob = row?.data;
      const want = Math.min(CHUNK_FACTS, this.size - chunk * CHUNK_FACTS) * 16;
      if (!(blob instanceof Uint8Array) || blob.length !== want) throw damaged(this.file, this.name, 'ranking details of a wrong length');
      // Copied: a blob need not be aligned for a Float64Array.
      data = this.rankingMemo.remember(chunk, new Float64Array(blob.slice().buffer));
    }
    const local = doc - chunk * CHUNK_FACTS;
    const source = data[local * 2] ?? 0;
    const packed = data[local * 2 + 1] ?? 0;
    // The index is anyone's: a key or flags no build writes (NaN, negative, fractional) is damage, not a fact without figures.
    if (!isCount(source) || !isCount(packed)) throw damaged(this.file, this.name, `ranking details of fact ${doc} are not a build's`);
    return { ...unpackRankFlags(packed), source };
  }

  // ---- facts -----------------------------------------------------------------

  /**
   * A fact of the row, read from the facts file, checked as loading checks
   * one, and against the id the index holds (the index is anyone's; the
   * file may have changed without a change of size or time).
   */
  private parseFact(row: Record<string, SqlValue>): Fact {
    const doc = Number(row.doc);
    const text = this.read(() => this.source.text(Number(row.at), Number(row.bytes)));
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw damaged(this.file, this.name, `fact ${doc} is not JSON: the facts file changed since it was indexed`);
    }
    const fact = validateFact(raw, doc, `${this.name} (its index ${this.file})`);
    if (fact.id !== row.id) throw damaged(this.file, this.name, `fact ${doc} is not the one indexed: the facts file changed since it was indexed`);
    return fact;
  }

  /** The fact with this id, if any. */
  factById(id: string): Fact | undefined {
    const row = this.read(() => this.q(`SELECT ${FACT_COLUMNS} FROM facts WHERE id = ?`).get(id));
    if (!row) return undefined;
    if (row.id !== id) throw damaged(this.file, this.name, 'a fact under another id');
    return this.parseFact(row);
  }

  /**
   * The ids "did you mean" weighs when `id` is not found: every id, as
   * loading does, up to ALL_IDS_UP_TO facts; beyond, those that share its
   * first half, or its first three characters (a million edit distances
   * would take seconds).
   */
  idsNear(id: string): string[] {
    if (this.size <= this.allIdsUpTo) return this.read(() => this.q('SELECT id FROM facts ORDER BY doc').all().map((r) => String(r.id)));
    const ids = new Set<string>();
    for (const prefix of new Set([id.slice(0, Math.ceil(id.length / 2)), id.slice(0, 3)])) {
      const rows = this.read(() => this.q('SELECT id FROM facts WHERE id >= ? AND id < ? LIMIT ?').all(prefix, `${prefix}\u{10ffff}`, SCAN_LIMIT));
      for (const r of rows) ids.add(String(r.id));
    }
    return [...ids];
  }

  /** The facts of these themes (all when none) and year, in file order, read as they are iterated. */
  *facts(themes?: readonly string[], year?: number): Iterable<Fact> {
    const where = [themes ? 'theme IN (SELECT value FROM json_each(?))' : '', year !== undefined ? 'year = ?' : ''].filter(Boolean);
    const params: SqlValue[] = [...(themes ? [JSON.stringify(themes)] : []), ...(year !== undefined ? [year] : [])];
    const sql = `SELECT ${FACT_COLUMNS} FROM facts${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY doc`;
    const rows = this.read(() => this.q(sql).iterate(...params));
    for (;;) {
      const next = this.read(() => rows.next());
      if (next.done) return;
      yield this.parseFact(next.value);
    }
  }

  /** How many facts these themes have (all when none). */
  count(themes?: readonly string[]): number {
    if (!themes) return this.size;
    return themes.reduce((n, t) => n + (this.countsOf(t)?.facts ?? 0), 0);
  }

  /** A theme's counts: own properties only ("constructor" is a theme id too). */
  private countsOf(theme: string): { facts: number; withFigures: number } | undefined {
    const counts = this.stored.stats.counts;
    return Object.hasOwn(counts, theme) ? counts[theme] : undefined;
  }

  /** The nth fact (from 0) of these themes, in file order. */
  nth(themes: readonly string[] | undefined, n: number): Fact | undefined {
    if (!themes) return this.factAt(n);
    const row = this.read(() =>
      this.q(`SELECT ${FACT_COLUMNS} FROM facts WHERE theme IN (SELECT value FROM json_each(?)) ORDER BY doc LIMIT 1 OFFSET ?`).get(JSON.stringify(themes), n),
    );
    return row && this.parseFact(row);
  }

  get units(): readonly string[] {
    return this.stored.units;
  }

  /** Facts per theme and with figures, counted when the index was built. */
  stats(): Stats {
    const themes = this.stored.themes.map((t) => {
      const c = this.countsOf(t.id);
      return { ...t, facts: c?.facts ?? 0, withFigures: c?.withFigures ?? 0 };
    });
    return { facts: this.size, withFigures: this.stored.stats.withFigures, themes };
  }

  /** What loading gives of the file, without its facts. */
  parsed(): Omit<ParsedFacts, 'facts'> {
    return { meta: this.stored.meta, themes: this.stored.themes, defaults: this.stored.defaults };
  }
}
