// Facts files loaded once per file and process, for the CLI and the API
// (public.ts): a script that calls search() a thousand times reads and
// indexes its facts file once; a file that changed is read again.
import { statSync } from 'node:fs';
import { BUNDLED_DATA, loadFacts as readFacts, type LoadedFacts, type LoadOptions } from '../data/load.js';
import { STDIN } from '../data/read.js';
import { indexFor, type SearchIndex } from '../search/word-index.js';
import { indexedFacts, isIndexed, type IndexOptions } from '../index/place.js';

/** Files kept loaded at once; a script that walks through many files does not keep them all. */
const MAX_CACHED = 8;

/** Loaded files by absolute path, with the identity of the file they were read from. */
const cache = new Map<string, { stamp: string; data: LoadedFacts }>();
const indexes = new WeakMap<LoadedFacts, SearchIndex>();

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
  if (path === STDIN || options.strict === false) return readFacts(path, options);
  const now = stampOf(path);
  const hit = cache.get(path);
  if (hit && now && hit.stamp === now.stamp) return hit.data;
  cache.delete(path);
  // A big file (or one indexed before) through its on-disk index; never the bundled file.
  const data = (path !== BUNDLED_DATA && indexedFacts(path, options)) || readFacts(path, options);
  // File times tick coarsely (a few ms; 2 s on FAT): a file changed within a
  // tick of being read could change again unseen, at the same size and
  // times. Such a file is read again next time, as git treats "racily clean" files.
  if (now && Date.now() - now.changed > RACY_MS) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(path, { stamp: now.stamp, data });
  }
  return data;
}

/** The facts' search index, built (or read from the build's) once per loaded file. */
export function indexOf(data: LoadedFacts): SearchIndex {
  if (isIndexed(data)) return data.index;
  let index = indexes.get(data);
  if (!index) indexes.set(data, (index = indexFor(data)));
  return index;
}
