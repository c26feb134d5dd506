// Which facts a call of the API works on, loaded once per file and process.
// A script that calls search() a thousand times reads and indexes its facts
// file once; a file that changed is read again. What `data` may be: a path,
// or what loadFacts() returned (nothing else: those objects are known to be
// checked, and their search index is kept with them).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_DATA, loadFacts as readFacts, type LoadedFacts, type LoadOptions } from '../data/load.js';
import { STDIN } from '../data/read.js';
import { UsageError } from '../errors.js';
import { indexFor, type SearchIndex } from '../search/word-index.js';
import { indexedFacts, isIndexed, type IndexOptions } from '../index/place.js';

/** Files kept loaded at once; a script that walks through many files does not keep them all. */
const MAX_CACHED = 8;

/** Loaded files by absolute path, with the identity of the file they were read from. */
const cache = new Map<string, { stamp: string; data: LoadedFacts }>();
/** Every facts object loaded here: the only objects `data` accepts. */
const loaded = new WeakSet<object>();
const indexes = new WeakMap<LoadedFacts, SearchIndex>();
const frozen = new WeakSet<LoadedFacts>();

/** A file changed this recently (ms) may change again within the same tick of the file system's clock; it is not kept. */
const RACY_MS = 2000;

/**
 * The file as it is now: device, inode, size, and modification and change
 * times to the nanosecond. Any write changes the change time (which no one
 * can set back), and replacing or re-linking the file changes the inode, so
 * a changed file is not mistaken for the one cached. Taken before the file
 * is read: a change while it is read makes the next call read it again.
 */
function stampOf(path: string): { stamp: string; changed: number } | undefined {
  try {
    const s = statSync(path, { bigint: true });
    if (!s.isFile()) return undefined;
    const latest = s.ctimeNs > s.mtimeNs ? s.ctimeNs : s.mtimeNs;
    return { stamp: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, changed: Number(latest / 1_000_000n) };
  } catch {
    // The load reports it in its own words.
    return undefined;
  }
}

/**
 * The facts of an absolute path (`-`: standard input, read each time), loaded
 * and checked once while the file stays the same (and has not just changed). The CLI loads through here
 * too. A non-strict load (verify's, which lists every problem) is not kept.
 */
export function loadData(path: string = BUNDLED_DATA, options: LoadOptions & IndexOptions = {}): LoadedFacts {
  if (path === STDIN || options.strict === false) return remember(readFacts(path, options));
  const now = stampOf(path);
  const hit = cache.get(path);
  if (hit && now && hit.stamp === now.stamp) return hit.data;
  cache.delete(path);
  // A big file (or one indexed before) through its on-disk index; never the bundled file.
  const data = remember((path !== BUNDLED_DATA && indexedFacts(path, options)) || readFacts(path, options));
  // File times tick coarsely (a few ms; 2 s on FAT): a file changed within a
  // tick of being read could change again unseen, at the same size and
  // times. Such a file is read again next time, as git treats "racily clean" files.
  if (now && Date.now() - now.changed > RACY_MS) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(path, { stamp: now.stamp, data });
  }
  return data;
}

function remember(data: LoadedFacts): LoadedFacts {
  loaded.add(data);
  return data;
}

/** A path as the API takes it: none is the bundled facts, `-` standard input, anything else relative to the working directory. */
export function dataPath(path: unknown): string {
  if (path === undefined) return BUNDLED_DATA;
  if (typeof path !== 'string' || path.trim() === '') throw new UsageError('data: a facts file name must be a non-empty string');
  return path === STDIN ? STDIN : resolve(path);
}

/** The public loadFacts(): loaded (or cached) and frozen, so that no caller can change what later calls see. */
export function loadPublic(path?: unknown): LoadedFacts {
  return freeze(loadData(dataPath(path)));
}

/** The facts that an API call's `data` option names. */
export function useData(data: unknown): LoadedFacts {
  if (data === undefined || typeof data === 'string') return loadPublic(data);
  if (typeof data === 'object' && data !== null && loaded.has(data)) return freeze(data as LoadedFacts);
  throw new UsageError('data: must be a facts file name or what loadFacts() returned');
}

/** The facts' search index, built (or read from the build's) once per loaded file. */
export function indexOf(data: LoadedFacts): SearchIndex {
  if (isIndexed(data)) return data.index;
  let index = indexes.get(data);
  if (!index) indexes.set(data, (index = indexFor(data)));
  return index;
}

/** Freezes the loaded facts all the way down, once; the shape is the schema's, so a fixed walk, no recursion. */
function freeze(data: LoadedFacts): LoadedFacts {
  if (frozen.has(data)) return data;
  // Facts read through an index are new objects at every read: only what is kept is frozen.
  if (isIndexed(data)) {
    for (const t of data.themes) Object.freeze(t);
    Object.freeze(data.themes);
    Object.freeze(data.meta);
    frozen.add(data);
    return data;
  }
  for (const t of data.themes) {
    if (t.zh) Object.freeze(t.zh);
    Object.freeze(t);
  }
  for (const f of data.facts) {
    for (const g of f.figures ?? []) Object.freeze(g);
    for (const a of [f.figures, f.rank, f.tags, f.zh]) if (a) Object.freeze(a);
    Object.freeze(f);
  }
  Object.freeze(data.themes);
  Object.freeze(data.facts);
  Object.freeze(data.meta);
  Object.freeze(data);
  frozen.add(data);
  return data;
}
