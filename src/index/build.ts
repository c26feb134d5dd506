// Builds the on-disk index of a facts file: the file read piece by piece
// (scan.ts), each fact checked as loadFacts checks it, its words weighted by
// the same code as the in-memory index (word-index.ts: factWords), and all of
// it written to a SQLite file through prepared statements, in one
// transaction. The file is written under a temporary name in the index's own
// directory and renamed when complete: an interrupted build never leaves a
// broken index, only a temporary file that the next build removes.
import { readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { referenceChecker, type Finding } from '../data/checks.js';
import { referenceError } from '../data/load.js';
import { validateFact, validateFactsTop } from '../data/shape.js';
import type { Fact, Theme } from '../data/types.js';
import { DataError } from '../errors.js';
import { themeTexts } from '../search/word-index.js';
import { family, isHan } from '../search/tokenize.js';
import { factRankInfo, packRankFlags, type RankInfo } from '../search/rank-info.js';
import type { EncodedChunk } from './postings.js';
import { wordsPool, type WordsPool } from './words-pool.js';
import { scanFactsFile, type ScanResult } from './scan.js';
import { FactsSource } from './source.js';
import { arrayIndexOrder, CHUNK_FACTS, FACT_INDEXES, INDEX_FORMAT, INDEX_VERSION, POSTINGS_INDEXES, sourceKey, TABLES, WORD_INDEXES } from './schema.js';
import { Rows } from './rows.js';
import { sqlite, type Database, type SqlValue } from './sqlite.js';

/** Progress of a build, for a person watching: bytes read of all, facts so far. */
export interface Progress {
  bytes: number;
  total: number;
  facts: number;
}

export interface BuildOptions {
  progress?: (p: Progress) => void;
  /** Worker threads that weigh the words (words-pool.ts); by default none for a small file, else one fewer than the cores, at least one, at most 3. */
  workers?: number;
  /** Chunks under way in every worker from which the build's own thread weighs the next chunk itself whatever the timings (words-pool.ts: BEHIND; tests set it). */
  behind?: number;
}

/** A file this big or bigger has its words weighed in worker threads: a few chunks, so that starting them pays. */
export const WORKERS_FROM_BYTES = 16 * 1024 * 1024;

function workerCount(options: BuildOptions, size: number): number {
  if (options.workers !== undefined) return options.workers;
  if (size < WORKERS_FROM_BYTES) return 0;
  const os = process.getBuiltinModule('node:os');
  return Math.min(3, Math.max(1, os.availableParallelism() - 1));
}

/** What the index records of its facts file, to tell whether it is still that file's. */
export interface SourceStamp {
  /** The facts file's real path. */
  path: string;
  size: number;
  /** Modification time in nanoseconds, as text. */
  mtime: string;
}

export function stampOf(realPath: string): SourceStamp {
  const st = statSync(realPath, { bigint: true });
  return { path: realPath, size: Number(st.size), mtime: String(st.mtimeNs) };
}

/**
 * Builds the index of the facts file at `realPath` (named `name` in
 * messages) into `target`. A bad facts file is a DataError, in loadFacts'
 * words, and leaves no index.
 */
export function buildIndexFile(realPath: string, name: string, target: string, options: BuildOptions = {}): void {
  // Postings are written with typed arrays, which use the machine's byte order.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new DataError('the on-disk index needs a little-endian machine');
  const mod = sqlite();
  if (!mod) throw new DataError('this Node has no node:sqlite: the index needs Node 22.13 or later');
  removeLeftovers(target);
  const tmp = `${target}.${process.pid}.tmp`;
  // O_EXCL: nothing planted at the name is followed or reused.
  writeFileSync(tmp, '', { flag: 'wx', mode: 0o600 });
  let db: Database | undefined;
  try {
    const stamp = stampOf(realPath);
    db = new mod.DatabaseSync(tmp);
    // A temporary file that is renamed only when complete needs no journal on disk. Not OFF: Node 24's
    // defensive mode refuses it (and kept a journal file), and the second pass below needs a ROLLBACK that
    // works. In memory, it holds next to nothing: the pages of a new file are not journaled.
    for (const pragma of ['page_size = 8192', 'journal_mode = MEMORY', 'synchronous = OFF', 'locking_mode = EXCLUSIVE', 'cache_size = -65536']) {
      db.exec(`PRAGMA ${pragma}`);
    }
    for (const sql of TABLES) db.exec(sql);
    db.exec('BEGIN');
    const first = fill(db, realPath, name, stamp, options, undefined);
    // Themes declared after the facts: their words are part of each fact's, so once more with them known.
    if (first.themesAfterFacts) {
      db.exec('ROLLBACK');
      db.exec('BEGIN');
      fill(db, realPath, name, stamp, options, first.themes);
    }
    db.exec('COMMIT');
    db.close();
    db = undefined;
    renameSync(tmp, target);
  } catch (err) {
    try {
      db?.close();
    } catch {
      // Closing a broken database: it is removed anyway.
    }
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
    throw err;
  }
}

/** Temporary files of builds that were interrupted (their process is gone). */
function removeLeftovers(target: string): void {
  const prefix = `${basename(target)}.`;
  try {
    for (const name of readdirSync(dirname(target))) {
      const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -4)) : NaN;
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) unlinkSync(join(dirname(target), name));
    }
  } catch {
    // Housekeeping only.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fill(
  db: Database,
  realPath: string,
  name: string,
  stamp: SourceStamp,
  options: BuildOptions,
  knownThemes: Theme[] | undefined,
): { themesAfterFacts: boolean; themes: Theme[] } {
  const factRows = new Rows(db, 'facts', ['doc', 'id', 'theme', 'year', 'at', 'bytes']);
  const postingRows = new Rows(db, 'postings', ['word', 'chunk', 'first', 'n', 'data']);
  const insertRanking = db.prepare('INSERT INTO ranking (chunk, data) VALUES (?, ?)');
  const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');

  const top: Record<string, unknown> = {};
  let check: ((fact: Fact, index: number) => void) | undefined;
  let themeText = new Map<string, string>();
  let firstProblem: Finding | undefined;
  // Set in the scan's callbacks.
  let deferredThemes = false as boolean;
  const factThemes = new Map<string, number>();
  let words: WordsPool | undefined;
  const units = new Set<string>();
  const counts = new Map<string, { facts: number; withFigures: number }>();
  let withFigures = 0;
  let count = 0;
  let ranking = new Float64Array(CHUNK_FACTS * 2);
  let lastReport = 0;

  const write = (done: EncodedChunk[]) => {
    for (const { chunk, words, firsts, ends, data } of done) {
      for (let k = 0, at = 0; k < words.length; k++) {
        const end = ends[k] as number;
        postingRows.add(words[k] as string, chunk, firsts[k] as number, (end - at) / 8, data.subarray(at, end));
        at = end;
      }
    }
  };
  const flush = (chunkNo: number, filled: number) => {
    // Typed arrays use the machine's order: little-endian, checked above.
    insertRanking.run(chunkNo, Buffer.from(ranking.buffer, 0, filled * 16));
    ranking = new Float64Array(CHUNK_FACTS * 2);
    if (words) write(words.endChunk(chunkNo));
  };

  let result: ScanResult;
  try {
    result = scan();
    if (count % CHUNK_FACTS !== 0) flush(Math.floor(count / CHUNK_FACTS), count % CHUNK_FACTS);
    if (words) write(words.drain());
    factRows.flush();
    postingRows.flush();
  } finally {
    words?.close();
  }

  function scan(): ScanResult {
    return scanFactsFile(realPath, name, {
      top(key, value) {
        // A key twice: JSON.parse keeps the last, and so does this.
        top[key] = value;
      },
      factsStart() {
        // The top level so far, checked now (meta and themes come first in a file we write).
        const themes = knownThemes ?? (Array.isArray(top.themes) ? validateFactsTop(top, true, [], name).themes : undefined);
        deferredThemes = themes === undefined;
        const declared = themes ?? [];
        themeText = themeTexts(declared);
        // Workers pay for starting only on a file of a few chunks.
        words = wordsPool({ texts: [...themeText], deferred: deferredThemes }, workerCount(options, stamp.size), options.behind);
        // Repeated ids are found once all are written (firstRepeat): a million ids need not be kept in memory.
        check = referenceChecker({ themes: declared, defaults: { title: false, themes: deferredThemes } }, (finding) => {
          firstProblem ??= finding;
        }, { get: () => undefined, set: () => undefined });
      },
      fact(raw, index, at, bytes, json) {
        const fact = validateFact(raw, index, name);
        check?.(fact, index);
        if (!factThemes.has(fact.theme)) factThemes.set(fact.theme, index);
        // After a problem, the rest is only checked (loadFacts reports a shape problem anywhere first).
        if (firstProblem) return;
        const doc = index;
        // Where it is written: reading it back checks and orders it as loading does (disk.ts).
        factRows.add(doc, fact.id, fact.theme, fact.year ?? null, at, bytes);
        const local = doc % CHUNK_FACTS;
        words?.add(fact, doc, json);
        const figured = fact.figures?.length ? 1 : 0;
        ranking[local * 2] = sourceKey(fact.source);
        ranking[local * 2 + 1] = packRankFlags(factRankInfo(fact) as RankInfo);
        for (const g of fact.figures ?? []) units.add(g.unit);
        withFigures += figured;
        const c = counts.get(fact.theme) ?? { facts: 0, withFigures: 0 };
        c.facts++;
        c.withFigures += figured;
        counts.set(fact.theme, c);
        count = doc + 1;
        if (local === CHUNK_FACTS - 1) flush(Math.floor(doc / CHUNK_FACTS), CHUNK_FACTS);
      },
      progress(bytes) {
        const now = Date.now();
        if (options.progress && now - lastReport >= 200) {
          lastReport = now;
          options.progress({ bytes, total: stamp.size, facts: count });
        }
      },
    });
  }

  const data = validateFactsTop(result.bare ? {} : top, result.hasFacts || result.bare, factThemes.keys(), name);
  if (!data.defaults.themes && deferredThemes && !knownThemes) {
    // Themes came after the facts: checked, and the words built, again with them (buildIndexFile).
    return { themesAfterFacts: true, themes: data.themes };
  }
  for (const sql of FACT_INDEXES) db.exec(sql);
  const problem = firstOf(firstProblem, firstRepeat(db, realPath, name, result.bytes, data.themes, data.defaults));
  if (problem) throw referenceError(problem, name, realPath);

  for (const sql of POSTINGS_INDEXES) db.exec(sql);
  const letters = finishWords(db);
  for (const sql of WORD_INDEXES) db.exec(sql);
  const meta: Record<string, unknown> = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    path: stamp.path,
    size: result.bytes,
    mtime: stamp.mtime,
    sha256: result.sha256,
    facts: count,
    meta: data.meta,
    themes: data.themes,
    defaults: data.defaults,
    units: [...units].sort(),
    stats: { withFigures, counts: Object.fromEntries(counts) },
    alphabet: letters,
  };
  for (const [key, value] of Object.entries(meta)) insertMeta.run(key, JSON.stringify(value));
  options.progress?.({ bytes: stamp.size, total: stamp.size, facts: count });
  return { themesAfterFacts: false, themes: data.themes };
}

/**
 * The first fact whose id an earlier fact has, with what the shared checks
 * say of it (in their order: its id, then its repeat, then its theme).
 */
function firstRepeat(db: Database, realPath: string, name: string, size: number, themes: Theme[], defaults: { title: boolean; themes: boolean }): Finding[] {
  const row = db
    // One pass over facts_id finds the ids that repeat (none, in a good file); then the first fact in file order that repeats one.
    .prepare(
      `SELECT b.doc AS doc, b.at AS at, b.bytes AS bytes, a.first AS first
       FROM (SELECT id, min(doc) AS first FROM facts GROUP BY id HAVING count(*) > 1) a JOIN facts b ON b.id = a.id AND b.doc > a.first
       ORDER BY b.doc LIMIT 1`,
    )
    .get();
  if (!row) return [];
  const findings: Finding[] = [];
  const check = referenceChecker({ themes, defaults }, (f) => findings.push(f), { get: () => Number(row.first), set: () => undefined });
  const source = new FactsSource(realPath, size, (why) => new DataError(`cannot read facts file ${name}: ${why}`));
  try {
    check(JSON.parse(source.text(Number(row.at), Number(row.bytes))) as Fact, Number(row.doc));
  } finally {
    source.close();
  }
  return findings;
}

/** The first problem in file order: one found while reading, or those of the first repeated id (at a fact, in the checks' order). */
function firstOf(found: Finding | undefined, repeat: Finding[]): Finding | undefined {
  const r = repeat[0];
  if (!found || !r) return found ?? r;
  if (found.index !== r.index) return found.index < r.index ? found : r;
  return r; // the same fact: its findings in the checks' own order
}

/**
 * The words table, from the postings: frequency, order, family; in SQL, with
 * our functions for what only JavaScript knows, called only where SQL cannot
 * tell (a call costs a microsecond or two, and a million facts have 367,000
 * words). Returns the alphabet (what a typo may put in a word, disk.ts): the
 * characters of the words that are not Chinese, gathered on the way.
 */
function finishWords(db: Database): string {
  const text = (v: SqlValue) => String(v);
  const chars = new Set<string>();
  db.function('cqf_family', { deterministic: true }, (w) => family(text(w)));
  db.function('cqf_han', { deterministic: true }, (w) => (isHan(text(w)) ? 1 : 0));
  db.function('cqf_rev', { deterministic: true }, (w) => {
    const cs = [...text(w)];
    if (!isHan(text(w))) for (const c of cs) chars.add(c);
    return cs.reverse().join('');
  });
  db.function('cqf_ord', { deterministic: true }, (w, first) => arrayIndexOrder(text(w)) ?? Number(first));
  // isHan() looks at the first UTF-16 unit (>= 11904) before anything else; unicode() gives the same test.
  // arrayIndexOrder() takes only words of digits.
  db.exec(`INSERT INTO words (word, df, ord, family, han, rev, len)
    SELECT word, df, CASE WHEN word GLOB '[0-9]*' AND word NOT GLOB '*[^0-9]*' THEN cqf_ord(word, first) ELSE first END,
      cqf_family(word), CASE WHEN unicode(word) >= 11904 THEN cqf_han(word) ELSE 0 END, cqf_rev(word), length(word)
    FROM (SELECT word, sum(n) AS df, min(chunk * 4294967296 + first) AS first FROM postings INDEXED BY postings_word GROUP BY word)`);
  return [...chars].filter((c) => !/\d/.test(c)).sort().join('');
}
