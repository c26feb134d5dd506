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
// - a lookup of the bundled facts uses the search index stored at build time.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE, VERSION } from './binary.js';

const MAIN = fileURLToPath(new URL('../../dist/main.cjs', import.meta.url));

/** Runs lookups through the bundle in a fresh Node; returns what each loaded. */
function probe(argv: string[], isTTY = false) {
  const script = `
    const before = new Set(process.moduleLoadList);
    const { run } = require(${JSON.stringify(MAIN)});
    const io = { stdout() {}, stderr() {}, env: {}, isTTY: ${isTTY}, columns: 100 };
    run(${JSON.stringify(argv)}, io).then((code) => {
      const builtins = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13));
      const files = Object.keys(require.cache).map((f) => require('node:path').basename(f));
      process.stdout.write(JSON.stringify({ code, builtins, files }));
    });`;
  const env = { PATH: process.env.PATH };
  const r = spawnSync(NODE, ['-e', script], { encoding: 'utf8', env });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { code: number; builtins: string[]; files: string[] };
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
