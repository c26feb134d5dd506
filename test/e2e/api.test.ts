// The built Node API as a package user gets it: through package.json's
// "exports", from an ES module, from CommonJS, and compiled by a strict
// TypeScript project against the declarations in dist/. (scripts/check-pack.mjs
// does the same from the packed and installed tarball.)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE } from './binary.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** A project folder with the package linked in as node_modules/chongqing-facts. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cqf-api-e2e-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'chongqing-facts'), 'dir');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const node = (dir: string, file: string) => spawnSync(NODE, [file], { cwd: dir, encoding: 'utf8' });

// What each consumer prints: the first search result's id, its score's type,
// and whether a usage error is the package's class with its code.
const ESM = `import { search, getFact, UsageError, FactsError } from 'chongqing-facts';
const [first] = search('laptop');
let err;
try { search(''); } catch (e) { err = e; }
console.log([first.id, typeof first.score, err instanceof UsageError && err instanceof FactsError, err.code, getFact('gdp-2025').id].join(' '));
`;
const CJS = ESM.replace(/^import \{(.*)\} from 'chongqing-facts';/, "const {$1} = require('chongqing-facts');");
const EXPECTED = 'laptop-production-world-first number true usage gdp-2025\n';

describe('the Node API, built', () => {
  it('works from an ES module and from CommonJS, with the same results', () => {
    const dir = project({ 'esm.mjs': ESM, 'cjs.cjs': CJS });
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const r = node(dir, file);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(EXPECTED);
    }
  });

  it('one module behind both: import and require share the error classes and the loaded facts', () => {
    const dir = project({
      'both.mjs': `import { createRequire } from 'node:module';
import * as esm from 'chongqing-facts';
const cjs = createRequire(import.meta.url)('chongqing-facts');
console.log(esm.UsageError === cjs.UsageError, esm.loadFacts() === cjs.loadFacts());
`,
    });
    expect(node(dir, 'both.mjs').stdout).toBe('true true\n');
  });

  it('has results equal to the CLI’s --json', () => {
    const dir = project({ 'r.cjs': "process.stdout.write(JSON.stringify(require('chongqing-facts').search('car', { limit: 3 })))" });
    const api = JSON.parse(node(dir, 'r.cjs').stdout);
    const cli = JSON.parse(execFileSync(NODE, [join(ROOT, 'bin/chongqing-facts.cjs'), 'search', 'car', '--limit', '3', '--json'], { encoding: 'utf8' }));
    expect(api).toStrictEqual(cli);
  });

  it('type-checks in a strict TypeScript project (module nodenext), as ESM and as CommonJS', () => {
    const typed = `import { search, list, getFact, themes, random, stats, loadFacts, FactsError, type Fact, type SearchResult, type ErrorCode } from 'chongqing-facts';
const data = loadFacts();
const hits: SearchResult[] = search('laptop', { theme: ['industry'], limit: 3, data });
const first: Fact | undefined = hits[0];
const score: number | undefined = hits[0]?.score;
const value: number | undefined = list({ unit: 'RMB', sort: 'value', min: 1e12 })[0]?.figures?.[0]?.value;
const context: string | undefined = getFact('gdp-2025', { context: true }).context;
const counts: number[] = themes().map((t) => t.facts);
const zone: string | null | undefined = themes()[0]?.zone;
const seeded: string = random({ seed: 7 }).id;
const total: number = stats().facts;
const title: string = data.meta.title;
try { getFact('nope'); } catch (e) { if (e instanceof FactsError) { const code: ErrorCode = e.code; console.log(code); } }
// @ts-expect-error: an unknown sort key
list({ sort: 'size' });
console.log(first?.id, score, value, context, counts, zone, seeded, total, title);
`;
    const dir = project({
      'esm.mts': typed,
      'cjs.cts': typed,
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], skipLibCheck: false, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true },
        files: ['esm.mts', 'cjs.cts'],
      }),
    });
    const r = spawnSync(NODE, [TSC, '-p', dir], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  // scripts/build.mjs: the API's bundle takes the modules it shares with the
  // CLI from main.cjs (the package holds them once), and main.cjs does not
  // carry the API's own code (a lookup would pay for it).
  it('is built on the CLI’s bundle: dist/api.cjs holds the API’s own code and takes the rest from main.cjs, which holds none of it', () => {
    const api = readFileSync(join(ROOT, 'dist/api.cjs'), 'utf8');
    expect(api).toContain('require("./main.cjs").apiParts()');
    expect(api.length).toBeLessThan(8 * 1024);
    expect(api).toContain('must be a facts file name or what loadFacts() returned');
    expect(readFileSync(join(ROOT, 'dist/main.cjs'), 'utf8')).not.toContain('must be a facts file name or what loadFacts() returned');
    // Loaded by require(), as a package user loads it: the error classes are main.cjs's own.
    const dir = project({
      'same.cjs': "const api = require('chongqing-facts'); const main = require(require('node:path').join(require.resolve('chongqing-facts'), '../main.cjs')); console.log(api.FactsError === main.apiParts().FactsError, Object.keys(require.cache).map((f) => require('node:path').basename(f)).sort().join(' '));",
    });
    expect(node(dir, 'same.cjs').stdout).toBe('true api.cjs main.cjs same.cjs\n');
  });

  it('declares nothing that a user of the package does not have: no import of another package', () => {
    const index = readFileSync(join(ROOT, 'dist/types/api/index.d.ts'), 'utf8');
    expect(index).toContain('export declare function search(');
    const all = execFileSync('grep', ['-rhoE', "from '[^']+'", join(ROOT, 'dist/types')], { encoding: 'utf8' });
    expect(all.split('\n').filter(Boolean).every((l) => l.startsWith("from '."))).toBe(true);
  });
});
