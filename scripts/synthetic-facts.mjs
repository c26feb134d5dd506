// Synthetic but realistic facts files for the scale benchmark and tests: the
// bundled facts as templates, each copy with its own id, figures and year,
// and a few made-up place and company names drawn from a Zipf-like pool, so
// that the vocabulary grows with the file as a real one would. Written as a
// stream; the same seed and size give the same bytes.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

const root = new URL('../', import.meta.url);

/** mulberry32: small, fast, well mixed; deterministic for a seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ba', 'chen', 'du', 'fang', 'gao', 'hu', 'jia', 'kun', 'lan', 'ming', 'nan', 'ping', 'qing', 'rui', 'shan', 'tai', 'wen', 'xin', 'yang', 'zhou', 'an', 'bei', 'cheng', 'ding', 'feng', 'guo', 'hai', 'jin', 'long', 'mei'];
const KINDS = ['district', 'county', 'park', 'port', 'township', 'corridor', 'works', 'group', 'cluster', 'valley'];

/** A made-up name from a pool of `pool` names; low numbers far more often (Zipf-like). */
function nameOf(n) {
  let s = '';
  let x = n + 1;
  do {
    s += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  } while (x > 0);
  return s[0].toUpperCase() + s.slice(1);
}

/**
 * Writes `count` facts to `path` (a facts file with meta, themes and facts)
 * and resolves when the file is complete.
 */
export async function writeSyntheticFacts(path, count, seed = 13) {
  const bundled = JSON.parse(readFileSync(new URL('data/facts.json', root), 'utf8'));
  const rnd = random(seed);
  // The pool grows with the file: about one new name per 8 facts.
  const pool = Math.max(50, Math.floor(count / 8));
  const zipf = () => Math.floor(pool ** rnd()) - 1;
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const { article: _, ...meta } = bundled.meta;
  await write(`{"meta":${JSON.stringify({ ...meta, title: `Synthetic facts (${count})` })},"themes":${JSON.stringify(bundled.themes)},"facts":[\n`);
  for (let i = 0; i < count; i++) {
    const t = bundled.facts[i % bundled.facts.length];
    const place = `${nameOf(zipf())} ${KINDS[Math.floor(rnd() * KINDS.length)]}`;
    const partner = nameOf(zipf());
    const scale = 0.5 + rnd();
    const fact = {
      ...t,
      id: `${t.id}-${i}`,
      statement: `${t.statement.replace(/\.$/, '')}, in ${place} with ${partner}.`,
      source: `${t.source} (${place}, record ${i % 997})`,
    };
    if (t.figures) fact.figures = t.figures.map((g) => ({ ...g, value: Math.round(g.value * scale * 100) / 100 }));
    if (t.year !== undefined) fact.year = 2000 + Math.floor(rnd() * 26);
    if (t.tags) fact.tags = [...t.tags, partner.toLowerCase()];
    await write(`${i ? ',\n' : ''}${JSON.stringify(fact)}`);
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
}

// node scripts/synthetic-facts.mjs COUNT FILE [SEED]
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [count, file, seed] = process.argv.slice(2);
  if (!count || !file) {
    console.error('usage: node scripts/synthetic-facts.mjs COUNT FILE [SEED]');
    process.exit(2);
  }
  await writeSyntheticFacts(file, Number(count), seed === undefined ? 13 : Number(seed));
}
