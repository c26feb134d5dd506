// npm run explain -- "query" [more queries]: why search finds what it finds
// in the bundled facts. Per query word: its weight (rarity; a word the facts
// lack counts by how specific it is), whether it is telling, a name,
// specific, and its best candidates among the facts' words (1: as written;
// 0.9: its family; below 0.6: in meaning). Per topic: what its question asks
// for, and for the best covered facts each check an answer must pass.
import { importTs } from './import-ts.mjs';

const { explain, buildIndex, loadFacts } = await importTs(
  "export { explain } from './src/search/rank.ts'; export { buildIndex } from './src/search/word-index.ts'; export { loadFacts } from './src/data/load.ts';",
);
const data = loadFacts();
const index = buildIndex(data.facts, data.themes);
for (const query of process.argv.slice(2)) {
  const e = explain(index, query);
  console.log(`\n${JSON.stringify(query)}`);
  for (const w of e.words) {
    const marks = [w.telling ? 'telling' : '', w.named ? 'name' : '', w.specific ? 'specific' : ''].filter(Boolean).join(',');
    console.log(`  ${w.term.padEnd(14)} ${w.weight.toFixed(2)} ${marks.padEnd(24)} ${w.candidates.join(', ')}`);
  }
  for (const p of e.parts) {
    const asks = Object.entries(p.asks).filter(([, v]) => v).map(([k]) => k).join(',');
    console.log(`  part [${p.words.join(' ')}]${asks ? ` asks ${asks}` : ''}`);
    for (const f of p.facts) {
      const checks = f.checks.map((c) => (c.passes ? c.name : `NOT-${c.name}`)).join(' ');
      console.log(`    ${f.relevance.toFixed(3)} tell ${f.telling.toFixed(3)}${f.converges ? ' conv' : ''} ${f.id}: ${checks}\n      ${f.met}`);
    }
  }
}
