// dist/cli.cjs: starts the CLI bundle (dist/main.cjs) with V8's code cache.
// Compiling the bundle is a large part of a lookup. After a run, V8 can hand
// back the code it compiled (including functions compiled lazily while the
// run went on), and the next run can skip that work. The cache is kept per
// user (see code-cache.ts), per build, per V8 version, and per kind of
// lookup (command and JSON or not), so that each kind gets a cache trained
// on itself. V8 rejects an entry that does not fit its source or its version;
// the code then compiles as usual and the entry is written anew.
import { readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheDir, readEntry, writeEntry } from './code-cache.js';

/** Set by the build: a hash of the bundles, and the command names. */
declare const __CQF_BUILD_ID__: string;
declare const __CQF_COMMANDS__: readonly string[];

interface Loaded {
  script: Script;
  entry: string;
}

const loaded: Loaded[] = [];
let cacheDir: string | undefined | null = null;
/** Each bundle file's exports, once loaded: as require() keeps a module, for the lazy stand-ins that require it at every call. */
const modules = new Map<string, unknown>();

/** The kind of lookup, from the arguments alone: "search-json", "list-table", ... */
export function lookupKind(argv: readonly string[]): string {
  const command = argv.find((a) => __CQF_COMMANDS__.includes(a)) ?? 'other';
  return `${command}-${argv.includes('--json') || argv.includes('--ndjson') ? 'json' : 'text'}`;
}

/** Loads one of the bundle's files (main.cjs, table.cjs) and returns its exports. */
export function load(name: string, kind = lookupKind(process.argv.slice(2))): unknown {
  // The validator's stand-in (scripts/build.mjs) requires validate.cjs at each fact it checks: a fact read
  // from an on-disk index is checked alone, and a search may read thousands, each read, compiled and, at
  // exit, cached again without this.
  if (modules.has(name)) return modules.get(name);
  // Names of ours (no separators) in directories join() has made or Node has: joined by hand (see src/paths.ts).
  const file = `${__dirname}${sep}${name}`;
  // The build makes the bundles ASCII (scripts/build.mjs): read without decoding, as a one-byte string.
  const source = readFileSync(file, 'latin1');
  if (cacheDir === null) cacheDir = codeCacheDir();
  const entry = cacheDir && `${cacheDir}${sep}${name}.${kind}.${__CQF_BUILD_ID__}.${process.versions.v8}.cache`;
  const cachedData = entry ? readEntry(entry) : undefined;
  // The CommonJS wrapper, as require() builds it (without loading node:module).
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: file, cachedData });
  if (entry && (!cachedData || script.cachedDataRejected)) {
    if (loaded.length === 0) process.once('exit', saveCodeCache);
    loaded.push({ script, entry });
  }
  const mod = { exports: {} };
  // The bundle's lazy require('./table.cjs') comes back here, so it is cached too.
  // Anything else is the bundle's own require() of a built-in, passed through as require() would.
  const localRequire = (id: string): unknown => (id.startsWith('./') ? load(id.slice(2), kind) : builtin(id));
  const run = script.runInThisContext() as (...args: [object, (id: string) => unknown, object, string, string]) => void;
  // Before it runs, as require() does: a cycle gets the exports as they are.
  modules.set(name, mod.exports);
  run(mod.exports, localRequire, mod, file, __dirname);
  modules.set(name, mod.exports);
  return mod.exports;
}

/**
 * A built-in module, as the bundle's require() of it would return. The bundle requires node:fs and node:path
 * once per module that imports them (25 calls a search); process.getBuiltinModule (Node 20.16, 22.3) hands the
 * module over without require()'s resolution and loader code, whose many calls also made V8 compile that code
 * to machine code (Sparkplug) in every run.
 */
function builtin(id: string): unknown {
  // Typed as always there, it is missing before Node 20.16.
  const getBuiltinModule = (process as Partial<Pick<NodeJS.Process, 'getBuiltinModule'>>).getBuiltinModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return getBuiltinModule?.call(process, id) ?? (require(id) as unknown);
}

/** At exit, after the run: what V8 compiled, for the next run of this kind. */
function saveCodeCache(): void {
  for (const { script, entry } of loaded) writeEntry(entry, script.createCachedData());
  if (cacheDir) pruneOtherBuilds(cacheDir);
}

/** Entries of other builds or V8 versions are never read again. */
function pruneOtherBuilds(dir: string): void {
  const current = `.${__CQF_BUILD_ID__}.${process.versions.v8}.cache`;
  try {
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.cache') && !name.endsWith(current) && name.includes(`.${process.versions.v8}.`)) {
        unlinkSync(join(dir, name));
      }
    }
  } catch {
    // Pruning is housekeeping; a failure costs only disk space.
  }
}

type Main = { main(): void };

(load('main.cjs') as Main).main();
