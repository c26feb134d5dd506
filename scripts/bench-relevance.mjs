// npm run bench:relevance [-- sets...]: hit@1, hit@3 and MRR of the search,
// per query set and per kind of query, the share of unanswerable queries
// that return nothing, and the misses. Without arguments: the sets in the
// repository (test/fixtures/relevance.json, and the blind sets A to H; B, D, F
// and H were the hold-outs of the four rounds and are spent, see
// test/fixtures/blind/README.md). A new hold-out set is named on the command
// line, once, at the end of a round of relevance work.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './import-ts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The evaluation is TypeScript shared with the test.
const { evaluate, loadFacts } = await importTs(
  "export { evaluate } from './test/search/relevance-eval.ts'; export { loadFacts } from './src/data/load.ts';",
);
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const files = args.filter((a) => !a.startsWith('--'));
const sets = files.length ? files.map((f) => resolve(f)) : ['test/fixtures/relevance.json', 'test/fixtures/blind/set-a.json', 'test/fixtures/blind/holdout-b.json', 'test/fixtures/blind/set-c.json', 'test/fixtures/blind/holdout-d.json', 'test/fixtures/blind/set-e.json', 'test/fixtures/blind/holdout-f.json', 'test/fixtures/blind/set-g.json', 'test/fixtures/blind/holdout-h.json', 'test/fixtures/blind/holdout-i.json'].map((f) => resolve(root, f));

const data = loadFacts();
const f3 = (x) => x.toFixed(3);
const row = (name, s) =>
  `  ${name.padEnd(14)} ${String(s.queries).padStart(4)} ${String(s.answerable).padStart(5)}  ${f3(s.hitAt1)}  ${f3(s.hitAt3)}  ${f3(s.mrr)}  ${s.unanswerable ? `${s.silent}/${s.unanswerable}`.padStart(7) : '      -'}`;

for (const file of sets) {
  const queries = JSON.parse(readFileSync(file, 'utf8'));
  const r = evaluate(queries, data);
  console.log(`\n${relative(process.cwd(), file) || file}`);
  console.log(`  ${'kind'.padEnd(14)} ${'qs'.padStart(4)} ${'answ'.padStart(5)}  hit@1  hit@3  MRR    silent`);
  for (const [kind, s] of Object.entries(r.byKind).sort()) console.log(row(kind, s));
  console.log(row('all', r));
  if (r.uncovered.length) console.log(`  no fact quotes the expected sentence of ${r.uncovered.length}: ${r.uncovered.map((q) => JSON.stringify(q)).join(', ')}`);
  if (!quiet && r.misses.length) {
    console.log('  misses:');
    for (const m of r.misses) {
      console.log(`    [${m.kind}] ${JSON.stringify(m.query)} -> [${m.got.join(', ')}]${m.expect.length ? ` expected ${m.expect.join(' / ')}` : ' expected nothing'}`);
    }
  }
}
console.log('\nhit@k: an answer (for a query of several topics, an answer to every topic) in the top k; silent: unanswerable queries that returned nothing.');
