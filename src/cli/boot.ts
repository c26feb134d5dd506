// dist/cli.cjs: starts the CLI bundle (dist/main.cjs) with V8's code cache.
// Compiling the bundle's JavaScript is a large part of a lookup; the build
// runs a few lookups and stores what V8 compiled (dist/*.cjs.cache), so a
// lookup can skip that work. V8 checks the cache against the source and its
// own version and rejects one that does not fit; the code then compiles as
// usual. Node 22+ has its own cache (module.enableCompileCache) and uses it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

const scripts = new Map<string, Script>();

/** Loads one of the bundle's files (main.cjs, table.cjs) and returns its exports. */
export function load(name: string): unknown {
  const file = join(__dirname, name);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // No cache: compile as usual.
  }
  // The CommonJS wrapper, as require() builds it (without loading node:module).
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: file, cachedData });
  scripts.set(file, script);
  const mod = { exports: {} };
  // The bundle's lazy require('./table.cjs') comes back here, so it is cached too.
  const localRequire = (id: string) => (id.startsWith('./') ? load(id.slice(2)) : require(id));
  script.runInThisContext()(mod.exports, localRequire, mod, file, __dirname);
  return mod.exports;
}

/** Writes what V8 has compiled so far for each loaded file (build time only). */
export function saveCodeCache(): void {
  for (const [file, script] of scripts) writeFileSync(`${file}.cache`, script.createCachedData());
}

type Main = { main(): void };

if (!process.env.CHONGQING_FACTS_TRAIN_CACHE) {
  if (Number(process.versions.node.split('.')[0]) >= 22) {
    (require('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
    (require('./main.cjs') as Main).main();
  } else {
    (load('main.cjs') as Main).main();
  }
}
