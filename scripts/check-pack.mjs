// npm run check:pack: packs the package as it would be published, installs
// the tarball into an empty folder and runs the installed binary, as a user
// would after `npm install chongqing-facts`, and the Node API from an ES
// module, from CommonJS and from a strict TypeScript project. Fails loudly on
// any difference.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAX_BYTES = 512 * 1024;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dir = mkdtempSync(join(tmpdir(), 'cqf-pack-'));
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

try {
  const [pack] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const files = pack.files.map((f) => f.path);
  check(pack.size < MAX_BYTES, `tarball is ${(pack.size / 1024).toFixed(0)} KB (limit ${MAX_BYTES / 1024} KB), ${files.length} files`);
  check(!files.some((f) => /^(src|test|scripts|\.ci)\//.test(f)), 'no src/, test/, scripts/ or .ci/ in the tarball');
  for (const needed of ['bin/chongqing-facts.cjs', 'dist/cli.cjs', 'dist/main.cjs', 'dist/table.cjs', 'dist/mcp.cjs', 'dist/fuse.cjs', 'dist/validate.cjs', 'dist/chongqing-facts.1', 'dist/api.cjs', 'dist/api.mjs', 'dist/types/api/index.d.ts', 'dist/types-cjs/api/index.d.ts', 'dist/types-cjs/package.json', 'data/facts.json', 'data/chongqing-daily-six-zones-one-highland.txt', 'data/facts.schema.json', 'data/related-words.txt', 'README.md', 'LICENSE']) {
    check(files.includes(needed), `tarball has ${needed}`);
  }

  const app = join(dir, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', join(dir, pack.filename)], { cwd: app, stdio: 'inherit' });
  const bin = join(app, 'node_modules', '.bin', 'chongqing-facts');
  const run = (...args) => spawnSync(bin, args, { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '100' } });

  const table = run('search', 'laptop');
  check(table.status === 0 && table.stdout.includes('laptop-production-world-first') && table.stderr === '', 'installed `chongqing-facts search laptop` prints the laptop fact, exit 0');
  const json = run('search', 'laptop', '--json');
  let first;
  try {
    first = JSON.parse(json.stdout)[0];
  } catch {
    first = undefined;
  }
  check(json.status === 0 && first?.id === 'laptop-production-world-first' && typeof first.source === 'string', 'installed `search laptop --json` prints parseable JSON, exit 0');
  const none = run('search', 'zzqxj', '--json');
  check(none.status === 1 && none.stdout === '[]\n', 'installed `search zzqxj --json` prints [], exit 1');
  const usage = run('serch');
  check(usage.status === 2 && usage.stdout === '' && /unknown command/.test(usage.stderr), 'installed `serch` is a usage error, exit 2');
  const verify = run('verify');
  check(verify.status === 0, 'installed `verify` passes on the bundled data');

  // An MCP handshake, as an assistant's client starts it: initialize, list the tools, call one; stdin then closes.
  const rpc = (id, method, params = {}) => JSON.stringify({ jsonrpc: '2.0', id, method, params });
  const mcp = spawnSync(bin, ['mcp'], {
    cwd: app,
    encoding: 'utf8',
    timeout: 30_000,
    input: [
      rpc(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'check-pack', version: '0' } }),
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      rpc(2, 'tools/list'),
      rpc(3, 'tools/call', { name: 'search_facts', arguments: { query: 'laptop' } }),
    ].join('\n') + '\n',
  });
  let answers = [];
  try {
    answers = mcp.stdout.trim().split('\n').map((line) => JSON.parse(line));
  } catch {
    answers = [];
  }
  const byId = (id) => answers.find((a) => a.id === id);
  check(
    mcp.status === 0 &&
      byId(1)?.result?.serverInfo?.name === 'chongqing-facts' &&
      byId(2)?.result?.tools?.map((t) => t.name).sort().join(',') === 'cite_fact,get_fact,list_themes,search_facts' &&
      byId(3)?.result?.structuredContent?.facts?.[0]?.id === 'laptop-production-world-first',
    'installed `mcp` answers an MCP handshake, lists its four tools, finds the laptop fact, and exits 0 when stdin closes',
  );

  // The Node API, as `import` and `require` find it through package.json's "exports".
  const LAPTOP = 'laptop-production-world-first';
  writeFileSync(join(app, 'esm.mjs'), "import { search } from 'chongqing-facts';\nconsole.log(search('laptop')[0].id);\n");
  writeFileSync(join(app, 'cjs.cjs'), "const { search } = require('chongqing-facts');\nconsole.log(search('laptop')[0].id);\n");
  for (const [file, what] of [['esm.mjs', "an ES module's `import { search } from 'chongqing-facts'`"], ['cjs.cjs', "CommonJS `require('chongqing-facts')`"]]) {
    const r = spawnSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
    check(r.status === 0 && r.stdout === `${LAPTOP}\n` && r.stderr === '', `installed API: ${what} finds ${LAPTOP}`);
  }
  // A strict TypeScript project against the installed declarations (module
  // nodenext, as ESM and as CommonJS), with this repository's compiler;
  // the installed package has no dependencies for it to lean on.
  const typed = `import { search, getFact, type SearchResult, FactsError } from 'chongqing-facts';
const hits: SearchResult[] = search('laptop', { limit: 3 });
const first: string | undefined = hits[0]?.id;
try { getFact('nope'); } catch (e) { if (e instanceof FactsError && e.code === 'not-found') console.log(first); }
`;
  writeFileSync(join(app, 'typed.mts'), typed);
  writeFileSync(join(app, 'typed.cts'), typed);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], outDir: 'out' }, files: ['typed.mts', 'typed.cts'] }),
  );
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const compiled = spawnSync(process.execPath, [tsc, '-p', app], { cwd: app, encoding: 'utf8' });
  check(compiled.status === 0, `installed types: a strict TypeScript project (module nodenext) compiles${compiled.status === 0 ? '' : `:\n${compiled.stdout}${compiled.stderr}`}`);
  for (const file of ['out/typed.mjs', 'out/typed.cjs']) {
    const r = spawnSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
    check(r.status === 0 && r.stdout === `${LAPTOP}\n`, `installed API: the compiled TypeScript ${file} finds ${LAPTOP}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`check:pack: ${failures.length} failed`);
  process.exit(1);
}
console.log('check:pack: the packed package installs and runs');
