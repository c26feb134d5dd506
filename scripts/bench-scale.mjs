// npm run bench:scale [-- --sizes 1000,10000,100000,1000000] [--node PATH] [--runs 3] [--dir DIR]
//
// Lookups in big facts files through the on-disk index: generates synthetic
// but realistic facts files (scripts/synthetic-facts.mjs, a fixed seed,
// written as a stream) into a temporary directory (or --dir, where files
// already there are reused), builds each file's index once, and prints the
// wall time, CPU time and peak memory (GNU time's maximum resident set) of:
// the build, `search automobile --json`, a typo (`search autmobile --json`),
// `show <id> --json` and `list --limit 10 --json`; medians of --runs runs.
// NODE_EXTRA_CA_CERTS is unset for the runs: it adds tens of milliseconds to
// every Node start. Wall times on a busy machine are long; CPU times less so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticFacts } from './synthetic-facts.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '1000,10000,100000,1000000').split(',').map(Number);
const node = arg('--node', process.execPath);
const runs = Number(arg('--runs', '3'));
const keep = arg('--dir', undefined);
const dir = keep ?? mkdtempSync(join(tmpdir(), 'cqf-bench-scale-'));
mkdirSync(dir, { recursive: true });
const bin = fileURLToPath(new URL('../bin/chongqing-facts.cjs', import.meta.url));
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') };
delete env.NODE_EXTRA_CA_CERTS;

/** One run: wall and CPU seconds, peak memory in MB (0 without GNU time). */
function measure(args) {
  const argv = hasTime ? [TIME, '-f', '@@ %e %U %S %M', node, bin, ...args] : [node, bin, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  return m ? { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), mb: Number(m[4]) / 1024 } : { wall, cpu: NaN, mb: 0 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function repeat(args) {
  const all = Array.from({ length: runs }, () => measure(args));
  return { wall: median(all.map((x) => x.wall)), cpu: median(all.map((x) => x.cpu)), mb: Math.max(...all.map((x) => x.mb)) };
}
const show = (x) => `${x.wall.toFixed(2)} s (cpu ${x.cpu.toFixed(2)}), ${Math.round(x.mb)} MB`;

const bundled = JSON.parse(readFileSync(new URL('../data/facts.json', import.meta.url), 'utf8'));
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`Node ${version}; ${runs} runs each, medians; load average ${load}; files in ${dir}\n`);
console.log('| facts | file | index build | search automobile --json | search autmobile --json | show <id> --json | list --limit 10 --json |');
console.log('|---|---|---|---|---|---|---|');
for (const n of sizes) {
  const file = join(dir, `facts-${n}.json`);
  if (!existsSync(file)) await writeSyntheticFacts(file, n);
  const data = ['--data', file];
  const build = measure(['index', '--force', ...data]);
  // The build leaves hundreds of megabytes for the kernel to write out; a
  // lookup timed meanwhile measures that disk's queue, not the lookup.
  spawnSync('sync');
  const middle = Math.floor(n / 2);
  const id = `${bundled.facts[middle % bundled.facts.length].id}-${middle}`;
  const cells = [
    n.toLocaleString('en-US'),
    `${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`,
    show(build),
    show(repeat(['search', 'automobile', '--json', ...data])),
    show(repeat(['search', 'autmobile', '--json', ...data])),
    show(repeat(['show', id, '--json', ...data])),
    show(repeat(['list', '--limit', '10', '--json', ...data])),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
const bare = repeat(['--version']);
console.log(`\n(\`chongqing-facts --version\`: ${show(bare)})`);
if (!keep) rmSync(dir, { recursive: true, force: true });
