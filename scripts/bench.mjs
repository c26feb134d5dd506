// npm run bench [-- --pairs N]: start-up cost of three lookups against a bare
// `node -e 0`, both started the same way, alternating A B A B, median of N
// pairs. A benchmark to read, not a test: nothing here fails on timing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/chongqing-facts.cjs', import.meta.url));
const pairsArg = process.argv.indexOf('--pairs');
const PAIRS = pairsArg > 0 ? Number(process.argv[pairsArg + 1]) : 31;
const LOOKUPS = [
  ['search', 'car', '--json'],
  ['search', 'automobile'],
  ['list', '--theme', 'ecology'],
];

function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, COLUMNS: '100' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (x, d = 1) => x.toFixed(d);

console.log(`node ${process.version}, ${PAIRS} pairs each, alternating bare and ours; times in ms`);
console.log(`${'lookup'.padEnd(30)} ${'bare'.padStart(6)} ${'ours'.padStart(6)} ${'ratio'.padStart(6)} ${'min'.padStart(5)} ${'max'.padStart(5)}`);
let worst = 0;
for (const lookup of LOOKUPS) {
  for (let i = 0; i < 3; i++) time(['-e', '0']), time([BIN, ...lookup]); // warm the file cache
  const bare = [];
  const ours = [];
  const ratios = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = time(['-e', '0']);
    const b = time([BIN, ...lookup]);
    bare.push(a);
    ours.push(b);
    ratios.push(b / a);
  }
  const ratio = median(ratios);
  worst = Math.max(worst, ratio);
  console.log(
    `${lookup.join(' ').padEnd(30)} ${f(median(bare)).padStart(6)} ${f(median(ours)).padStart(6)} ${f(ratio, 2).padStart(6)} ${f(Math.min(...ratios), 2).padStart(5)} ${f(Math.max(...ratios), 2).padStart(5)}`,
  );
}
console.log(`ratio: median of the per-pair ratios ours / bare, with their min and max; bare and ours: median times. Worst ratio: ${f(worst, 2)}`);
