// Which facts a call of the API works on (data.ts loads them). What `data`
// may be: a path, or what loadFacts() returned (nothing else: those objects
// are known to be checked, and their search index is kept with them). The
// API's alone: the CLI's bundle does not carry it (scripts/build.mjs).
import { resolve } from 'node:path';
import { BUNDLED_DATA, type LoadedFacts } from '../data/load.js';
import { STDIN } from '../data/read.js';
import { UsageError } from '../errors.js';
import { isIndexed } from '../index/place.js';
import { loadData } from './data.js';

/** Every facts object loadFacts() returned: the only objects `data` accepts. */
const loaded = new WeakSet<object>();
const frozen = new WeakSet<LoadedFacts>();

/** A path as the API takes it: none is the bundled facts, `-` standard input, anything else relative to the working directory. */
export function dataPath(path: unknown): string {
  if (path === undefined) return BUNDLED_DATA;
  if (typeof path !== 'string' || path.trim() === '') throw new UsageError('data: a facts file name must be a non-empty string');
  return path === STDIN ? STDIN : resolve(path);
}

/** The public loadFacts(): loaded (or cached) and frozen, so that no caller can change what later calls see. */
export function loadPublic(path?: unknown): LoadedFacts {
  const data = freeze(loadData(dataPath(path)));
  loaded.add(data);
  return data;
}

/** The facts that an API call's `data` option names. */
export function useData(data: unknown): LoadedFacts {
  if (data === undefined || typeof data === 'string') return loadPublic(data);
  if (typeof data === 'object' && data !== null && loaded.has(data)) return freeze(data as LoadedFacts);
  throw new UsageError('data: must be a facts file name or what loadFacts() returned');
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
