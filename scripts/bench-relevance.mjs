// npm run bench:relevance [-- queries.json]: hit@3 and MRR of the search on a
// query set (default test/fixtures/relevance.json), with the misses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTs } from './import-ts.mjs';

const root = new URL('..', import.meta.url);
// The evaluation is TypeScript shared with the test.
const { evaluate, loadFacts } = await importTs(
  "export { evaluate } from './test/search/relevance-eval.ts'; export { loadFacts } from './src/data/load.ts';",
);
const file = resolve(process.argv[2] ?? new URL('test/fixtures/relevance.json', root).pathname);
const queries = JSON.parse(readFileSync(file, 'utf8'));
const r = evaluate(queries, loadFacts());
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(`queries: ${queries.length} (${r.answerable} with answers, ${r.nonsense} nonsense) from ${file}`);
console.log(`hit@3:   ${r.hitAt3.toFixed(3)}  (${pct(r.hitAt3)})`);
console.log(`MRR:     ${r.mrr.toFixed(3)}`);
console.log(`nonsense returning nothing: ${r.nonsenseRejected}/${r.nonsense}`);
console.log('by kind:');
for (const [kind, k] of Object.entries(r.byKind)) console.log(`  ${kind.padEnd(9)} ${k.passed}/${k.queries}`);
if (r.misses.length) {
  console.log('misses:');
  for (const m of r.misses) {
    console.log(`  ${JSON.stringify(m.query)} -> [${m.got.join(', ')}]${m.expect.length ? ` expected one of [${m.expect.join(', ')}]` : ' expected nothing'}`);
  }
}
