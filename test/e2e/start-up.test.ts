// The start-up tricks of scripts/build.mjs, each checked in the built
// bundle, so that a change in a dependency that undoes one fails here
// instead of quietly costing every lookup milliseconds:
// - commander's child_process is loaded on first use only (we never use it);
// - chalk's terminal detection (tty, os) is left out: we choose the colour level;
// - node:crypto is loaded by `info` alone;
// - JSON output never loads the table bundle (cli-table3, chalk);
// - no lookup loads the MCP server's bundle (the SDK, zod): `mcp` alone does;
// - nor the Node API's package bundle (dist/api.cjs);
// - cli-table3 measures cells with our displayWidth, not string-width 4 and
//   its emoji regex (rebuilt on every call);
// - a lookup of the bundled facts reads the facts and index prebuilt at build
//   time (dist/facts-index.bin), not data/facts.json, and parses the facts'
//   line alone: a search reads the packed index in place, and parses only
//   its hits' facts;
// - fuse.js (typos) is loaded by a search for a word the facts lack, not by
//   others, and the facts validator by a load of another facts file only;
// - no lookup of ASCII text builds a regular expression with Unicode
//   properties (\p{...}), which costs time to parse: they are made on first
//   use, and the invisible-character check builds one only for text outside
//   the ranges known to hold none (so not for the facts' Chinese);
// - the bundles are ASCII, read as latin1 by src/cli/boot.ts;
// - the package's files are found from __dirname, without building a file URL;
// - main.cjs gets the built-in modules from process.getBuiltinModule, not require();
// - the prebuilt index is read without Buffer's readUInt32LE and compare (JavaScript compiled every run);
// - a search reads the related-words table in pieces, never whole, and each
//   word's line once;
// - a lookup ends as soon as its output is written, before the garbage
//   collection V8 schedules for after the run (Node 22 and later).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, NODE, VERSION } from './binary.js';

const MAIN = fileURLToPath(new URL('../../dist/main.cjs', import.meta.url));

/** Runs lookups through the bundle in a fresh Node; returns what each loaded. */
function probe(argv: string[], isTTY = false) {
  const script = `
    const before = new Set(process.moduleLoadList);
    const fs = require('node:fs');
    const read = fs.readFileSync;
    const reads = [];
    fs.readFileSync = (file, ...rest) => (reads.push(require('node:path').basename(String(file))), read(file, ...rest));
    const readSync = fs.readSync;
    let positional = 0;
    fs.readSync = (...args) => ((positional += typeof args[4] === 'number' ? 1 : 0), readSync(...args));
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = (text, ...rest) => ((parsed += text.length), parse(text, ...rest));
    const unicode = [];
    const Native = RegExp;
    globalThis.RegExp = new Proxy(Native, { construct(target, args) { const r = new target(...args); if (r.source.includes('\\p{')) unicode.push(r.source); return r; } });
    const { run } = require(${JSON.stringify(MAIN)});
    const io = { stdout() {}, stderr() {}, env: {}, isTTY: ${isTTY}, columns: 100 };
    run(${JSON.stringify(argv)}, io).then((code) => {
      const builtins = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13));
      const files = Object.keys(require.cache).map((f) => require('node:path').basename(f));
      process.stdout.write(JSON.stringify({ code, builtins, files, reads, parsed, unicode, positional }));
    });`;
  const env = { PATH: process.env.PATH };
  const r = spawnSync(NODE, ['-e', script], { encoding: 'utf8', env });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { code: number; builtins: string[]; files: string[]; reads: string[]; parsed: number; unicode: string[]; positional: number };
}

describe(`what a lookup loads, on Node ${VERSION}`, () => {
  it.each([
    [['search', 'car', '--json'], false],
    [['list', '--theme', 'ecology'], true],
    [['search', 'automobile'], true],
    [['show', 'gdp-2025'], true],
  ])('%j loads no child_process, tty, os, net or crypto', (argv, tty) => {
    const { code, builtins } = probe(argv, tty);
    expect(code).toBe(0);
    expect(builtins.filter((m) => /^(child_process|tty|os|net|crypto)$/.test(m))).toEqual([]);
  });

  it('JSON and plain output do not load the table bundle; a table does', () => {
    expect(probe(['list', '--json']).files).not.toContain('table.cjs');
    expect(probe(['list']).files).not.toContain('table.cjs');
    expect(probe(['list'], true).files).toContain('table.cjs');
    expect(probe(['list', '--format', 'table']).files).toContain('table.cjs');
  });

  it('no lookup loads the MCP server bundle (the SDK, zod); `mcp` does', () => {
    for (const [argv, tty] of [[['search', 'car', '--json'], false], [['list'], true], [['show', 'gdp-2025'], true], [['cite', 'gdp-2025'], false]] as const) {
      expect(probe([...argv], tty).files).not.toContain('mcp.cjs');
    }
    // Its stdin is empty: the server starts, sees it closed, and ends.
    expect(probe(['mcp']).files).toContain('mcp.cjs');
  });

  it('the CLI computes through the API’s modules in its own bundle: no lookup loads the API’s package bundle', () => {
    for (const [argv, tty] of [[['search', 'car', '--json'], false], [['list'], true], [['show', 'gdp-2025'], true]] as const) {
      const { files } = probe([...argv], tty);
      expect(files).not.toContain('api.cjs');
      expect(files).toContain('main.cjs');
    }
  });

  it('a lookup of the bundled facts reads the prebuilt facts, not data/facts.json, and parses at most the facts, a search only its hits’ facts: a search reads the index in place', () => {
    const prebuilt = readFileSync(new URL('../../dist/facts-index.bin', import.meta.url));
    const facts = prebuilt.indexOf(10);
    const search = probe(['search', 'car', '--json']);
    expect(search.reads).toContain('facts-index.bin');
    expect(search.reads).not.toContain('facts.json');
    // The related words are binary-searched with positional reads (src/search/related.ts), never read whole.
    expect(search.reads).not.toContain('related-words.txt');
    expect(probe(['search', 'automobile', '--json']).reads).not.toContain('related-words.txt');
    // Each word's line found once, one read a step (26 reads; 208 when every question about a word searched again, two reads a step).
    expect(search.positional).toBeGreaterThan(0);
    expect(search.positional).toBeLessThan(50);
    for (const [argv, tty] of [[['search', 'car', '--json'], false], [['search', '重庆汽车'], true], [['search', 'lapotp'], true], [['list', '--theme', 'ecology'], true], [['show', 'gdp-2025'], true], [['themes'], true]] as const) {
      const { code, reads, parsed } = probe([...argv], tty);
      expect(code).toBe(0);
      expect(reads).not.toContain('facts.json');
      // At most the facts' line, and next to nothing more: the index is read in place, never as JSON.
      expect(parsed).toBeLessThan(facts + 4096);
      // A search parses the line without the facts, and its hits' facts alone (src/data/prebuilt.ts);
      // a lookup that reads the facts, all of them.
      if (argv[0] === 'search') expect(parsed).toBeLessThan(facts / 4);
      else expect(parsed).toBeGreaterThanOrEqual(facts - 8192);
    }
  });

  it('the facts file validator (dist/validate.cjs) is loaded for another facts file only: the build checked the bundled one', () => {
    expect(probe(['search', 'car', '--json']).files).not.toContain('validate.cjs');
    expect(probe(['list', '--theme', 'ecology'], true).files).not.toContain('validate.cjs');
    const mini = fileURLToPath(new URL('../fixtures/mini-facts.json', import.meta.url));
    const other = probe(['list', '--data', mini, '--json']);
    expect(other.code).toBe(0);
    expect(other.files).toContain('validate.cjs');
  });

  it('fuse.js (dist/fuse.cjs) is loaded for a typo only', () => {
    expect(probe(['search', 'car', '--json']).files).not.toContain('fuse.cjs');
    expect(probe(['search', 'automobile'], true).files).not.toContain('fuse.cjs');
    const typo = probe(['search', 'lapotp', '--json']);
    expect(typo.code).toBe(0);
    expect(typo.files).toContain('fuse.cjs');
  });

  it.each([
    [['search', 'car', '--json'], false],
    [['search', 'automobile'], true],
    [['list', '--theme', 'ecology'], true],
  ])('%j builds no regular expression with Unicode properties', (argv, tty) => {
    const { code, unicode } = probe(argv, tty);
    expect(code).toBe(0);
    // Not even for JSON of facts with Chinese in them: their characters are in
    // the ranges that src/format/visible.ts knows hold no invisible one.
    expect(unicode).toEqual([]);
    // The probe sees them when they are built: a Chinese query needs the Han ones.
    expect(probe(['search', '汽车', '--json']).unicode.length).toBeGreaterThan(0);
  });

  it('the bundles are ASCII (src/cli/boot.ts reads them as latin1)', () => {
    for (const file of ['cli.cjs', 'main.cjs', 'table.cjs', 'mcp.cjs', 'fuse.cjs']) {
      expect(readFileSync(new URL(`../../dist/${file}`, import.meta.url)).every((b) => b < 0x80)).toBe(true);
    }
  });

  // src/cli/main.ts ends a lookup with process.exit once its output is
  // written, skipping what a natural exit runs after it (the event loop's last
  // turns, beforeExit, and a garbage collection V8 may have scheduled for
  // then). A collection forced by the search's own allocations, during the
  // run, is not what this spares; the test checks the mechanism instead:
  // beforeExit, which a natural exit emits, never fires.
  it.each([
    [['search', 'car', '--json']],
    [['search', 'automobile']],
    [['list', '--theme', 'ecology']],
  ])('%j ends as soon as its output is written (process.exit: no beforeExit)', (argv) => {
    const home = mkdtempSync(join(tmpdir(), 'cqf-exit-'));
    const env = { PATH: process.env.PATH, XDG_CACHE_HOME: home };
    const script = `
      process.argv.splice(1, process.argv.length, ${JSON.stringify(BIN)}, ...${JSON.stringify(argv)});
      process.on('beforeExit', () => require('node:fs').writeSync(2, 'beforeExit'));
      require(${JSON.stringify(BIN)});`;
    const r = spawnSync(NODE, ['-e', script], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    // Everything was written: the same output as a plain run.
    expect(r.stdout).toBe(spawnSync(NODE, [BIN, ...argv], { encoding: 'utf8', env }).stdout);
    expect(r.stdout.length).toBeGreaterThan(100);
  });

  it('the starter (dist/cli.cjs) loads node:vm for the code cache, and not node:os', () => {
    const home = mkdtempSync(join(tmpdir(), 'cqf-home-'));
    const script = `
      const before = new Set(process.moduleLoadList);
      process.argv.splice(1, process.argv.length, ${JSON.stringify(BIN)}, 'search', 'car', '--json');
      process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));
      require(${JSON.stringify(BIN)});`;
    const r = spawnSync(NODE, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home } });
    expect(r.status).toBe(0);
    const loaded = JSON.parse(r.stderr) as string[];
    expect(loaded).toContain('NativeModule vm');
    expect(loaded.filter((m) => /\b(os|child_process|tty|net|crypto)$/.test(m))).toEqual([]);
    // HOME served: the cache is where it says.
    expect(readdirSync(join(home, '.cache', 'chongqing-facts')).length).toBeGreaterThan(0);
  });

  // src/cli/boot.ts hands main.cjs its built-in modules through process.getBuiltinModule: each module of
  // the bundle requires node:fs or node:path (25 calls a search), and every require() runs the module
  // loader's code, often enough that V8 also compiles it to machine code in every run.
  it('main.cjs takes the built-in modules from process.getBuiltinModule, not require(); without it, require() serves', () => {
    const starterCalls = readFileSync(new URL('../../dist/cli.cjs', import.meta.url), 'latin1').match(/require\("node:/g)?.length ?? 0;
    const run = (withoutGetBuiltinModule: boolean) => {
      const script = `
        ${withoutGetBuiltinModule ? 'delete process.getBuiltinModule;' : ''}
        const Module = require('node:module');
        const { writeSync } = require('node:fs');
        const original = Module.prototype.require;
        let calls = 0;
        Module.prototype.require = function (id) { if (id.startsWith('node:')) calls++; return original.call(this, id); };
        process.argv.splice(1, process.argv.length, ${JSON.stringify(BIN)}, 'search', 'car', '--json');
        process.on('exit', () => writeSync(2, String(calls)));
        require(${JSON.stringify(BIN)});`;
      return spawnSync(NODE, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, CHONGQING_FACTS_CODE_CACHE: '0' } });
    };
    const plain = spawnSync(NODE, [BIN, 'search', 'car', '--json'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    const fast = run(false);
    expect(fast.status).toBe(0);
    expect(fast.stdout).toBe(plain.stdout);
    expect(Number(fast.stderr)).toBeLessThanOrEqual(starterCalls);
    const fallback = run(true);
    expect(fallback.status).toBe(0);
    expect(fallback.stdout).toBe(plain.stdout);
    expect(Number(fallback.stderr)).toBeGreaterThan(starterCalls + 10);
  });

  // src/search/packed-index.ts and src/data/prebuilt.ts read the prebuilt file with a DataView and their own
  // byte comparison: Buffer's readUInt32LE and compare are JavaScript of Node's, compiled in every run (and
  // readUInt32LE optimised, for the thousands of calls a search made).
  it('a search reads the prebuilt index without Buffer readUInt32LE or compare', () => {
    const script = `
      const { writeSync } = require('node:fs');
      let calls = 0;
      for (const name of ['readUInt32LE', 'compare']) { const f = Buffer.prototype[name]; Buffer.prototype[name] = function (...a) { calls++; return f.apply(this, a); }; }
      process.argv.splice(1, process.argv.length, ${JSON.stringify(BIN)}, 'search', 'car', '--json');
      process.on('exit', () => writeSync(2, String(calls)));
      require(${JSON.stringify(BIN)});`;
    const r = spawnSync(NODE, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, CHONGQING_FACTS_CODE_CACHE: '0' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
    expect(r.stderr).toBe('0');
  });

  it('a lookup finds the package files from __dirname: no file URL is built or parsed (src/paths.ts)', () => {
    const script = `
      const url = require('node:url');
      let calls = 0;
      for (const name of ['pathToFileURL', 'fileURLToPath']) { const f = url[name]; url[name] = (...a) => (calls++, f(...a)); }
      process.argv.splice(1, process.argv.length, ${JSON.stringify(BIN)}, 'search', 'car', '--json');
      process.on('exit', () => require('node:fs').writeSync(2, String(calls)));
      require(${JSON.stringify(BIN)});`;
    const r = spawnSync(NODE, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, CHONGQING_FACTS_CODE_CACHE: '0' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
    expect(r.stderr).toBe('0');
  });

  it('info loads node:crypto, for the SHA-256 (so the check above is not vacuous)', () => {
    expect(probe(['info']).builtins).toContain('crypto');
  });

  it("the table bundle has string-width's emoji regex replaced by our width", () => {
    const table = readFileSync(new URL('../../dist/table.cjs', import.meta.url), 'utf8');
    const emojiRegex = readFileSync(createRequire(import.meta.url).resolve('emoji-regex'), 'utf8');
    const fingerprint = String.raw`\uD83C\uDFF4\uDB40\uDC67`;
    expect(emojiRegex).toContain(fingerprint);
    expect(table).not.toContain(fingerprint);
  });
});
