// Which facts files get an on-disk index, where it lives, and when it is
// rebuilt. A file of AUTO_INDEX_BYTES or more gets one on first use (any file
// with `chongqing-facts index`). It lives in the per-user cache directory
// (the same rules as the code cache: ours, 0700, every directory above safe),
// named after the facts file's real path; or beside the file, as
// FILE.cqf-index.sqlite, when asked (`index --beside`), and an index found
// there is used. The index records the file's real path, size, modification
// time and SHA-256: a different size rebuilds it; the same size at another
// time is settled by hashing the file (a copy or a `touch` keeps the index).
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cacheRoot, isPrivate, safeAncestors } from '../cli/private-dir.js';
import type { LoadedFacts } from '../data/load.js';
import { readText } from '../data/read.js';
import type { Fact } from '../data/types.js';
import { DataError } from '../errors.js';
import { visible } from '../format/visible.js';
import { buildIndexFile, stampOf, type Progress, type SourceStamp } from './build.js';
import { DamagedIndex, FactsIndex, openIndex } from './disk.js';
import { sourceKey } from './schema.js';
import { noSqliteNote, sqlite } from './sqlite.js';

/** Facts files this big or bigger get an index on first use: at 5 MB (about 7,000 facts) a lookup in memory takes a second. */
export const AUTO_INDEX_BYTES = 5 * 1024 * 1024;
export const BESIDE_SUFFIX = '.cqf-index.sqlite';
/** The indexes' directory, below the per-user cache root (private-dir.ts). */
const INDEXES = 'indexes';

export interface IndexOptions {
  env?: NodeJS.ProcessEnv;
  /** Building shows progress through this (the CLI's, on a terminal). */
  progress?: (p: Progress) => void;
  /** A note for people (on stderr): why a big file is slow here. */
  note?: (text: string) => void;
}

/** Facts read through an on-disk index: as loaded facts, but the facts are read only when asked for. */
export interface IndexedData extends LoadedFacts {
  index: FactsIndex;
}

export const isIndexed = (data: LoadedFacts): data is IndexedData => (data as Partial<IndexedData>).index instanceof FactsIndex;

/** The per-user directory of indexes, created when `create`; undefined when it cannot be had safely. */
export function indexCacheDir(env: NodeJS.ProcessEnv, create: boolean): string | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    const root = cacheRoot(env);
    if (root === undefined) return undefined;
    const dir = join(root, INDEXES);
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    else if (!existsSync(dir)) return undefined;
    return isPrivate(dir) && isPrivate(dirname(dir)) && safeAncestors(realpathSync(dir)) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The cache's name for the index of a facts file: a hash of its real path, and its name for people. */
export function cacheName(realPath: string): string {
  const name = basename(realPath).replace(/[^\w.-]/g, '_').slice(0, 64);
  return `${sourceKey(realPath).toString(16).padStart(14, '0')}-${name}.sqlite`;
}

/** Where the index of a facts file is: beside it when one is there, else in the cache (created when `create`). */
function placeOf(realPath: string, env: NodeJS.ProcessEnv, create: boolean): { file: string; beside: boolean } | undefined {
  const beside = realPath + BESIDE_SUFFIX;
  if (existsSync(beside)) return { file: beside, beside: true };
  // A small file's lookup only asks whether its index exists: one stat, the directory checked only then.
  if (!create) {
    const root = process.platform === 'win32' ? undefined : cacheRoot(env);
    if (root === undefined || !existsSync(join(root, INDEXES, cacheName(realPath)))) return undefined;
  }
  const dir = indexCacheDir(env, create);
  return dir === undefined ? undefined : { file: join(dir, cacheName(realPath)), beside: false };
}

/**
 * The facts of `path` through its on-disk index, built or rebuilt when
 * needed; undefined when the file is to be read in memory as always (small
 * and not indexed, no node:sqlite, no safe place for an index).
 */
export function indexedFacts(path: string, options: IndexOptions = {}): IndexedData | undefined {
  const env = options.env ?? process.env;
  let real: string;
  let size: number;
  try {
    real = realpathSync(path);
    const st = statSync(real);
    if (!st.isFile()) return undefined;
    size = st.size;
  } catch {
    return undefined; // loading says what is wrong
  }
  const big = size >= AUTO_INDEX_BYTES;
  // Cheap checks first: a small file without an index never loads node:sqlite.
  const found = placeOf(real, env, false);
  if (!big && !(found && existsSync(found.file))) return undefined;
  if (!sqlite()) {
    if (big) options.note?.(noSqliteNote());
    return undefined;
  }
  const place = found && (found.beside || existsSync(found.file)) ? found : placeOf(real, env, true);
  if (!place) {
    if (big) options.note?.('note: no private cache directory for an index ($XDG_CACHE_HOME or ~/.cache), so a big facts file is read in memory, which is slow');
    return undefined;
  }
  return ensureIndex(path, real, place, options, false).data;
}

/** What `chongqing-facts index` reports. */
export interface IndexReport {
  file: string;
  built: boolean;
  facts: number;
}

/** `chongqing-facts index`: the index of `path`, built now when missing, stale or `force`d; beside the file when `beside`. */
export function indexFile(path: string, options: IndexOptions & { beside?: boolean; force?: boolean } = {}): IndexReport {
  const env = options.env ?? process.env;
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isFile()) throw new DataError(`cannot index ${visible(path)}: it is not a regular file`);
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(`cannot index ${visible(path)}: no such file`);
  }
  const place = options.beside ? { file: real + BESIDE_SUFFIX, beside: true } : placeOf(real, env, true);
  if (!place) throw new DataError('no private cache directory for the index ($XDG_CACHE_HOME or ~/.cache); use --beside to keep it beside the facts file');
  const { data, built } = ensureIndex(path, real, place, options, options.force === true);
  return { file: place.file, built, facts: data.index.size };
}

/** The index at `place`, used when it is the file's, else (re)built. */
function ensureIndex(
  path: string,
  real: string,
  place: { file: string; beside: boolean },
  options: IndexOptions,
  force: boolean,
): { data: IndexedData; built: boolean } {
  const name = path;
  if (!force && existsSync(place.file)) {
    let index: FactsIndex | undefined;
    try {
      index = openIndex(place.file, name, real);
    } catch (err) {
      if (!(err instanceof DamagedIndex)) throw err;
      // An index beside the file is someone's file: reported, not replaced.
      if (place.beside) {
        throw new DataError(
          `${place.file} is not a usable index of ${name} (${err.message}); remove it, or rebuild it with: chongqing-facts index --beside --force --data ${name}`,
        );
      }
    }
    if (index && current(index, real, place)) return { data: dataOf(index, path), built: false };
    index?.close();
  }
  buildIndexFile(real, name, place.file, { progress: options.progress });
  let index: FactsIndex;
  try {
    index = openIndex(place.file, name, real);
  } catch (err) {
    throw new DataError(`the index just built at ${place.file} cannot be read: ${(err as Error).message}`);
  }
  return { data: dataOf(index, path), built: true };
}

/** Whether the index is of the file as it is now: same path and size, and the same time or, failing that, the same SHA-256. */
function current(index: FactsIndex, real: string, place: { file: string; beside: boolean }): boolean {
  const stamp: SourceStamp = stampOf(real);
  const fits = index.fits(stamp);
  if (fits !== 'hash') return fits === 'yes';
  if (scanHash(real) !== index.stored.sha256) return false;
  // The same bytes: the new time is recorded in our own index, so that the next
  // lookup need not hash again. One beside the file is only ever read.
  if (!place.beside) recordTime(place.file, stamp.mtime);
  return true;
}

function recordTime(file: string, mtime: string): void {
  const mod = sqlite();
  if (!mod) return;
  try {
    const db = new mod.DatabaseSync(file);
    try {
      db.prepare("UPDATE meta SET value = ? WHERE key = 'mtime'").run(JSON.stringify(mtime));
    } finally {
      db.close();
    }
  } catch {
    // Not ours to write (an index beside someone's file): the next lookup hashes again.
  }
}

/** The SHA-256 of a file, read in pieces. */
function scanHash(real: string): string {
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  const { openSync, readSync, closeSync } = process.getBuiltinModule('node:fs');
  const fd = openSync(real, 'r');
  try {
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function frozen(f: Fact): Fact {
  for (const g of f.figures ?? []) Object.freeze(g);
  for (const a of [f.figures, f.rank, f.tags, f.zh]) if (a) Object.freeze(a);
  return Object.freeze(f);
}

function dataOf(index: FactsIndex, path: string): IndexedData {
  let facts: Fact[] | undefined;
  return {
    ...index.parsed(),
    path,
    index,
    // Every fact, for what needs them all (verify, completion, the MCP server): read once when asked for.
    get facts(): Fact[] {
      // Frozen, as loaded facts are (src/api/data.ts): no caller can change what later calls see.
      return (facts ??= Object.freeze([...index.facts()].map(frozen)) as Fact[]);
    },
    get raw(): string {
      return readText(path, 'facts file');
    },
  };
}

