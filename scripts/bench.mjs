// npm run bench [-- --pairs N] [--node 20,22,24] [--ca both|with|without]:
// start-up cost of three lookups against a bare `node -e 0`, both started
// the same way, alternating A B A B, median of N pairs, on each Node asked
// for (another major is fetched with `npx -p node@MAJOR`). A benchmark to
// read, not a test: nothing here fails on timing.
//
// NODE_EXTRA_CA_CERTS makes every Node start read a certificate bundle
// (about 70 ms on the machine this was written on), which hides what a
// lookup costs; by default each Node is measured without it, and with it
// too when it is set.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/chongqing-facts.cjs', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const PAIRS = Number(arg('--pairs', 31));
const MAJORS = arg('--node', `${process.versions.node.split('.')[0]},22,24`).split(',');
const CA = arg('--ca', 'both');
const LOOKUPS = [
  ['search', 'car', '--json'],
  ['search', 'automobile'],
  ['list', '--theme', 'ecology'],
];

/** The node binary of a major version: this one, or one npx brings. */
function nodeOf(major) {
  if (major === process.versions.node.split('.')[0]) return process.execPath;
  try {
    return execFileSync('npx', ['-y', '-p', `node@${major}`, 'node', '-p', 'process.execPath'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function time(node, args, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (x, d = 1) => x.toFixed(d);
const pad = (s, n) => String(s).padStart(n);

function bench(node, env) {
  let worst = 0;
  for (const lookup of LOOKUPS) {
    // Warm the file cache, and let the code cache be written for this Node (src/cli/boot.ts).
    for (let i = 0; i < 3; i++) {
      time(node, ['-e', '0'], env);
      time(node, [BIN, ...lookup], env);
    }
    const bare = [];
    const ours = [];
    const ratios = [];
    for (let i = 0; i < PAIRS; i++) {
      const a = time(node, ['-e', '0'], env);
      const b = time(node, [BIN, ...lookup], env);
      bare.push(a);
      ours.push(b);
      ratios.push(b / a);
    }
    const ratio = median(ratios);
    worst = Math.max(worst, ratio);
    console.log(
      `${lookup.join(' ').padEnd(26)} ${pad(f(median(bare)), 6)} ${pad(f(median(ours)), 6)} ${pad(f(median(ours) - median(bare)), 6)} ${pad(f(ratio, 2), 6)} ${pad(f(Math.min(...ratios), 2), 5)} ${pad(f(Math.max(...ratios), 2), 5)}`,
    );
  }
  return worst;
}

const base = { ...process.env, COLUMNS: '100' };
const { NODE_EXTRA_CA_CERTS: ca, ...withoutCa } = base;
const settings = [['without NODE_EXTRA_CA_CERTS', withoutCa]];
if (ca && CA !== 'without') settings.push([`with NODE_EXTRA_CA_CERTS=${ca}`, base]);
if (CA === 'with') settings.shift();

console.log(`${PAIRS} pairs each, alternating bare \`node -e 0\` and ours; times in ms (medians)`);
for (const major of MAJORS) {
  const node = nodeOf(major);
  if (!node) {
    console.log(`\nNode ${major}: not available here (npx -p node@${major} failed); skipped`);
    continue;
  }
  const version = execFileSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
  for (const [label, env] of settings) {
    console.log(`\nNode ${version}, ${label}`);
    console.log(`${'lookup'.padEnd(26)} ${pad('bare', 6)} ${pad('ours', 6)} ${pad('+ms', 6)} ${pad('ratio', 6)} ${pad('min', 5)} ${pad('max', 5)}`);
    const worst = bench(node, env);
    console.log(`worst ratio ${f(worst, 2)}`);
  }
}
console.log('\nratio: median of the per-pair ratios ours / bare, with their min and max; +ms: median ours - median bare.');
