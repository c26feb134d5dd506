// Bundles src/ into dist/: cli.cjs (src/cli/boot.ts) starts main.cjs, the
// minified CommonJS CLI, with V8's code cache; table.cjs holds the table code
// that only table output loads, mcp.cjs the MCP server (the SDK and zod) that
// only `mcp` loads; facts-index.bin the bundled facts, checked, with their packed index. The Node
// API (src/api/index.ts) is main.cjs's `api` export, which api.cjs hands on,
// with an ES module wrapper (api.mjs) and its type declarations
// (scripts/build-types.mjs): one copy of the code they share in the package.
// CommonJS, because Node 20 starts an ES module graph measurably slower
// (README, "Speed").
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTypes } from './build-types.mjs';
import { importTs } from './import-ts.mjs';

const root = new URL('..', import.meta.url);
// The data layer's generated files (types and validator from the schema,
// data/facts.json from its authoring form) must match their sources, so that
// nothing stale is bundled or packed: scripts/facts-build.mjs.
{
  const { stale } = await import('./facts-build.mjs');
  const { stale: paths } = await stale();
  if (paths.length) throw new Error(`stale, run npm run facts:build: ${paths.join(', ')}`);
}

rmSync(new URL('dist', root), { recursive: true, force: true });

/** Modules (imported as .../format/table.js) kept in a bundle of their own, loaded on first use. */
const LAZY = [
  ['format/table.js', 'table.cjs'],
  ['mcp/server.js', 'mcp.cjs'],
];

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.CQF_NO_MINIFY !== '1',
  legalComments: 'none',
  logLevel: 'warning',
  // import() of a built-in (node:crypto for `info`) becomes a deferred
  // require(), which also works inside the code-cached script of src/cli/boot.ts.
  supported: { 'dynamic-import': false },
  // cli-table3 measures every cell with string-width, whose emoji regex is
  // rebuilt on each call; ours (src/format/width.ts) costs far less, and the
  // table then measures exactly as our wrapping does.
  alias: { 'string-width': './src/format/string-width.cjs' },
  // The modules find data from __dirname in a bundle (src/paths.ts): the
  // import.meta.url of a plain ES module is never read there, and no banner
  // builds a file URL at every start.
  define: { 'import.meta.url': 'undefined' },
  plugins: [
    {
      name: 'chongqing-facts',
      setup(b) {
        // cli-table3 truncates every cell's whole text on every line it draws,
        // only to show a preview in a debug message that is off. That is most
        // of the time a table takes; skip it (the fix of cli-table3 PR #362).
        b.onLoad({ filter: /cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
          const source = await readFile(args.path, 'utf8');
          const eager = 'let content = utils.truncate(this.content, 10, this.truncate);';
          if (!source.includes(eager)) throw new Error('cli-table3 changed: review the cell.js patch in scripts/build.mjs');
          return { contents: source.replace(eager, "let content = '';"), loader: 'js' };
        });
        // chalk detects the terminal when imported, loading tty and os (~3 ms);
        // cli.ts decides the colour level itself and passes it to new Chalk(),
        // so chalk's own detection is replaced by "no colour".
        b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'no-supports-color', namespace: 'cqf' }));
        b.onLoad({ filter: /^no-supports-color$/, namespace: 'cqf' }, () => ({
          contents: 'export default { stdout: false, stderr: false };',
          loader: 'js',
        }));
        // Table output alone needs the table code: keep it in dist/table.cjs,
        // loaded with require() when first imported (an import() of CommonJS
        // would start Node's ES module loader and its export scanner). The
        // same for the MCP server (the SDK and zod), which `mcp` alone loads.
        for (const [module, file] of LAZY) {
          const filter = new RegExp(`/${module.replace('.', '\\.')}$`);
          b.onResolve({ filter }, () => ({ path: `lazy:${file}`, namespace: 'cqf' }));
          b.onLoad({ filter: new RegExp(`^lazy:${file.replace('.', '\\.')}$`), namespace: 'cqf' }, () => ({
            contents: `module.exports = require('./${file}');`,
            loader: 'js',
          }));
        }
        b.onResolve({ filter: /^\.\/(table|mcp)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
        // commander require()s child_process at load for executable subcommands,
        // which we do not have; loading it costs ~6 ms a run. Load it on first use.
        b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
          args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'cqf' } : undefined,
        );
        b.onLoad({ filter: /^lazy-child-process$/, namespace: 'cqf' }, () => ({
          contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
          loader: 'js',
        }));
      },
    },
  ],
};

// fuse.js matches typos, which a lookup of a word the facts use never needs:
// it is kept in dist/fuse.cjs, and the CLI's bundles construct it through a
// stand-in that loads it on the first `new Fuse` (src/search/rank.ts imports
// it as the default export, which is then the stand-in itself); so does the
// Node API, which main.cjs carries.
// The same for the facts file validator that Ajv generated (src/data/shape.ts):
// the bundled facts were checked by the build (src/data/prebuilt.ts), so only
// another facts file needs it; its stand-in hands on the real one's errors.
const lazyParts = {
  name: 'lazy-parts',
  setup(b) {
    b.onResolve({ filter: /^fuse\.js$/ }, () => ({ path: 'lazy-fuse', namespace: 'cqf' }));
    b.onLoad({ filter: /^lazy-fuse$/, namespace: 'cqf' }, () => ({
      contents: "module.exports = function Fuse(...args) { return new (require('./fuse.cjs').default)(...args); };",
      loader: 'js',
    }));
    b.onResolve({ filter: /[\\/]generated[\\/]validate-facts\.js$/ }, () => ({ path: 'lazy-validate', namespace: 'cqf' }));
    b.onLoad({ filter: /^lazy-validate$/, namespace: 'cqf' }, () => ({
      contents:
        "module.exports = function validate(data) { const real = require('./validate.cjs').default; const ok = real(data); validate.errors = real.errors; return ok; };",
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/(fuse|validate)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};
const cli = { ...common, plugins: [...common.plugins, lazyParts] };

const out = { outdir: 'dist', outExtension: { '.js': '.cjs' } };
// The Node API (dist/api.cjs: src/api/index.ts and public.ts) computes with
// the CLI's modules: main.cjs exports what it calls of them (API_PARTS), and
// the API's bundle takes that from main.cjs, so the package holds the code
// once (a bundle of its own repeated 110 KB of main.cjs). The CLI's bundle
// gains those export names and nothing else: carrying the API's own code
// cost each lookup 0.4 million instructions more (code cache 2 KB larger).
const API_OWN = ['src/api/index.ts', 'src/api/public.ts'];
const API_PARTS = {
  'src/api/data.ts': ['loadData'],
  'src/api/results.ts': ['factRow', 'listRows', 'randomFact', 'searchRows', 'statsOf', 'themeRows'],
  'src/format/fields.ts': ['record'],
  'src/errors.ts': ['DataError', 'FactsError', 'NotFoundError', 'UsageError'],
  'src/data/load.ts': ['BUNDLED_DATA'],
  'src/data/read.ts': ['STDIN'],
  'src/index/place.ts': ['isIndexed'],
};
const srcPath = (file) => relative(fileURLToPath(root), file).split(sep).join('/');
await build({
  ...cli,
  outfile: 'dist/main.cjs',
  stdin: {
    // One function that hands them over, not an export each: each export is a
    // getter function, and 18 of them made the code cache 2.5 KB larger.
    contents: [
      "export * from './src/cli/main.ts';",
      ...Object.entries(API_PARTS).map(([file, names]) => `import { ${names.join(', ')} } from './${file}';`),
      `export const apiParts = () => ({ ${Object.values(API_PARTS).flat().join(', ')} });`,
    ].join('\n'),
    resolveDir: fileURLToPath(root),
    sourcefile: 'main-and-api-parts.ts',
    loader: 'ts',
  },
});
const fromMain = {
  name: 'from-main',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      if (!API_OWN.includes(srcPath(args.importer))) return undefined;
      const file = srcPath(resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
      if (API_OWN.includes(file)) return undefined;
      if (file in API_PARTS) return { path: 'api-parts', namespace: 'cqf' };
      throw new Error(`the Node API imports ${file}: add what it uses to API_PARTS in scripts/build.mjs`);
    });
    b.onLoad({ filter: /^api-parts$/, namespace: 'cqf' }, () => ({ contents: "module.exports = require('./main.cjs').apiParts();", loader: 'js' }));
    b.onResolve({ filter: /^\.\/main\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};
await build({ ...cli, ...out, plugins: [...cli.plugins, fromMain], entryPoints: { api: 'src/api/index.ts' } });
await build({ ...cli, ...out, entryPoints: { table: 'src/format/table.ts' } });
// The MCP SDK's server makes an Ajv validator for the answers to elicitation
// requests (server.elicitInput), which this server never sends: Ajv and its
// formats would be a fifth of the tarball for code never run. A stand-in that
// throws if it ever is (test/e2e/mcp.test.ts checks the bundle holds no Ajv).
const noAjv = {
  name: 'no-ajv',
  setup(b) {
    b.onResolve({ filter: /[\\/]validation[\\/]ajv-provider\.js$/ }, () => ({ path: 'no-ajv', namespace: 'cqf' }));
    b.onLoad({ filter: /^no-ajv$/, namespace: 'cqf' }, () => ({
      contents:
        "exports.AjvJsonSchemaValidator = class { getValidator() { throw new Error('chongqing-facts mcp: JSON Schema validation (elicitation) is not built in'); } };",
      loader: 'js',
    }));
  },
};
// The SDK takes tool schemas of Zod 3 too: it builds their objects with zod/v3
// and turns them into JSON Schema with zod-to-json-schema. Ours are Zod 4
// (src/mcp/server.ts), which it handles with Zod 4's own code: Zod 3 and the
// converter would be 75 KB of the bundle never run. Stand-ins that throw if
// they ever are (test/e2e/mcp.test.ts checks the bundle holds neither).
const noZod3 = {
  name: 'no-zod3',
  setup(b) {
    const why = 'chongqing-facts mcp: Zod 3 schemas are not built in';
    b.onResolve({ filter: /^zod\/v3$/ }, (args) => (/[\\/]@modelcontextprotocol[\\/]sdk[\\/]/.test(args.importer) ? { path: 'no-zod3', namespace: 'cqf' } : undefined));
    b.onLoad({ filter: /^no-zod3$/, namespace: 'cqf' }, () => ({ contents: `exports.object = () => { throw new Error(${JSON.stringify(why)}); };`, loader: 'js' }));
    b.onResolve({ filter: /^zod-to-json-schema$/ }, () => ({ path: 'no-zod-to-json-schema', namespace: 'cqf' }));
    b.onLoad({ filter: /^no-zod-to-json-schema$/, namespace: 'cqf' }, () => ({
      contents: `exports.zodToJsonSchema = () => { throw new Error(${JSON.stringify(why)}); };`,
      loader: 'js',
    }));
  },
};
await build({ ...cli, ...out, plugins: [...cli.plugins, noAjv, noZod3], entryPoints: { mcp: 'src/mcp/server.ts' } });
await build({ ...common, outfile: 'dist/fuse.cjs', stdin: { contents: "export { default } from 'fuse.js';", resolveDir: '.', loader: 'js' } });
await build({ ...common, ...out, entryPoints: { validate: 'src/data/generated/validate-facts.js' } });
// The index build's worker threads (src/index/words-pool.ts): they weigh the words of a big facts file's facts.
await build({ ...common, ...out, entryPoints: { 'index-worker': 'src/index/words-worker.ts' } });
{
  // The ES module entry re-exports the CommonJS one, so that import and
  // require share one module (one loaded-facts cache, one FactsError class).
  const names = Object.keys(createRequire(import.meta.url)(fileURLToPath(new URL('dist/api.cjs', root)))).sort();
  writeFileSync(
    new URL('dist/api.mjs', root),
    `// The Node API as an ES module: the CommonJS bundle's exports (scripts/build.mjs).\nimport api from './api.cjs';\n\nexport const { ${names.join(', ')} } = api;\n`,
  );
}
buildTypes();
// The starter reads the bundles as latin1 (src/cli/boot.ts): no UTF-8 to
// decode, and V8 keeps and compiles a one-byte string faster. esbuild escapes
// strings, but not regular expression literals or String.raw templates:
// write \u escapes there. (An unminified build keeps comments, which may
// hold any character; read as latin1 they change nothing.)
for (const file of common.minify ? ['main.cjs', 'table.cjs', 'mcp.cjs', 'fuse.cjs', 'validate.cjs'] : []) {
  const text = readFileSync(new URL(`dist/${file}`, root), 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`dist/${file} is not ASCII: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}; write a \\u escape`);
}
// The starter gets a hash of the bundles (its code cache entries are per
// build) and the command names (an entry is per kind of lookup).
const bundles = ['main.cjs', 'table.cjs', 'mcp.cjs', 'fuse.cjs', 'validate.cjs'].map((f) => readFileSync(new URL(`dist/${f}`, root)));
const buildId = createHash('sha256').update(Buffer.concat(bundles)).digest('hex').slice(0, 16);
const { commandNames } = await importTs("export { commandNames } from './src/cli/program.ts';");
await build({
  ...common,
  ...out,
  entryPoints: { cli: 'src/cli/boot.ts' },
  external: ['./main.cjs'],
  define: { ...common.define, __CQF_BUILD_ID__: JSON.stringify(buildId), __CQF_COMMANDS__: JSON.stringify(commandNames()) },
});

// The man page, from the same commander program as --help (src/cli/man.ts).
{
  const { manPage, createProgram, createContext, version } = await importTs(
    "export { manPage } from './src/cli/man.ts'; export { createProgram } from './src/cli/program.ts'; export { createContext } from './src/cli/context.ts'; export { version } from './package.json';",
  );
  const io = { stdout: () => {}, stderr: () => {}, env: {}, isTTY: false };
  writeFileSync(new URL('dist/chongqing-facts.1', root), manPage(createProgram(createContext(io)), version));
}

// The bundled facts as loaded and checked, with their search index, so that a
// lookup neither checks nor tokenizes them again (src/data/prebuilt.ts); a
// lookup uses it only while data/facts.json has the size it was made from and is not newer.
{
  const { buildIndex, packIndex, loadFacts, prebuiltBytes } = await importTs(
    "export { buildIndex } from './src/search/word-index.ts'; export { packIndex } from './src/search/packed-index.ts'; export { loadFacts } from './src/data/load.ts'; export { prebuiltBytes } from './src/data/prebuilt.ts';",
  );
  const path = fileURLToPath(new URL('data/facts.json', root));
  const { raw, path: _, ...data } = loadFacts(path, { prebuilt: false });
  const source = { bytes: Buffer.byteLength(raw), sha256: createHash('sha256').update(raw).digest('hex') };
  writeFileSync(new URL('dist/facts-index.bin', root), prebuiltBytes(data, packIndex(buildIndex(data.facts, data.themes)), source));
}
