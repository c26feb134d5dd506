// Words for search: the same rules for the facts and for a query, so that
// "Laptops", "laptop's" and "laptop" meet, and 1,031 matches 1031.

export interface Token {
  /** Normalised form used for matching. */
  term: string;
  /** Where the word stands in the text, for highlighting. */
  start: number;
  end: number;
}

// Numbers with their separators (3.37, 1,031), words with an apostrophe
// (Chongqing's), or runs of Han characters. A comma between letters splits
// ("gdp,population" is two words). The v flag's set difference keeps Han out
// of words cheaply.
const LETTER = String.raw`[[\p{L}\p{N}]--\p{Script=Han}]`;
const WORD_SOURCE = String.raw`\p{Script=Han}+|\d+(?:[.,]\d+)+|${LETTER}+(?:['\u2019]${LETTER}+)*`;
// Made on first use: parsing it costs a lookup most of a millisecond, and
// an ASCII query never needs it (test/e2e/start-up.test.ts).
let word: RegExp | undefined;
let han: RegExp | undefined;
const NON_ASCII = /[^\x00-\x7f]/;

/** Whether a word is Chinese; every Han character is at U+2E80 or above, so ASCII never runs the regex. */
export const isHan = (term: string): boolean => term.charCodeAt(0) >= 0x2e80 && (han ??= /^\p{Script=Han}/u).test(term);

// The same words for text that is all ASCII, which most is: a regex with
// Unicode sets costs milliseconds to compile, and a lookup tokenizes one query.
const ASCII_WORD = /\d+(?:[.,]\d+)+|[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*/g;
const wordPattern = (text: string): RegExp => (NON_ASCII.test(text) ? (word ??= new RegExp(WORD_SOURCE, 'gv')) : ASCII_WORD);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(wordPattern(text))) {
    const term = termOf(m[0]);
    if (term) out.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Words as written, with their terms: building an index meets the same words
 * again and again, and a Map lookup costs a fifth of normalizing one (measured
 * on 100,000 facts). Bounded: emptied when full, so any text costs linear time
 * and bounded memory.
 */
const TERM_MEMO_SIZE = 50_000;
const termMemo = new Map<string, string>();

function termOf(raw: string): string {
  let term = termMemo.get(raw);
  if (term !== undefined) return term;
  // NFKC per word, not per text, so positions still point into `text`;
  // only where it can change something, as it is slow.
  term = normalizeWord(NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw);
  if (termMemo.size >= TERM_MEMO_SIZE) termMemo.clear();
  termMemo.set(raw, term);
  return term;
}

/** The terms of a text, as tokenize() finds them, without their positions (indexing needs no more). */
export function terms(text: string): string[] {
  const out: string[] = [];
  if (!NON_ASCII.test(text)) {
    asciiTerms(text, out);
    return out;
  }
  for (const m of text.matchAll(wordPattern(text))) {
    const term = termOf(m[0]);
    if (term) out.push(term);
  }
  return out;
}

/** An ASCII digit, by character code. */
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * The words of ASCII_WORD, found by hand: the regex's match objects cost an
 * index build about a tenth of its tokenizing (a test checks both find the
 * same words in random text). At each letter or digit, as the regex's
 * alternatives in order: digits with separators (3.37, 1,031), if there are
 * any; else letters and digits, with apostrophes inside (Chongqing's).
 */
function asciiTerms(text: string, out: string[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAlnum(c)) {
      i++;
      continue;
    }
    let end = -1;
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      let groups = 0;
      for (;;) {
        const sep = text.charCodeAt(j);
        if ((sep !== 0x2e && sep !== 0x2c) || j + 1 >= n || !isDigit(text.charCodeAt(j + 1))) break;
        j += 2;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
        groups++;
      }
      if (groups > 0) end = j;
    }
    // What the word is made of: only digits, or only small letters, need no normalizing beyond the below.
    let digits = isDigit(c);
    let small = c >= 0x61 && c <= 0x7a;
    if (end < 0) {
      let j = i + 1;
      for (let d = text.charCodeAt(j); j < n && isAlnum(d); d = text.charCodeAt(++j)) {
        if (d >= 0x61) digits = false;
        else {
          small = false;
          if (d >= 0x41) digits = false;
        }
      }
      while (j + 1 < n && text.charCodeAt(j) === 0x27 && isAlnum(text.charCodeAt(j + 1))) {
        digits = small = false;
        j += 2;
        while (j < n && isAlnum(text.charCodeAt(j))) j++;
      }
      end = j;
    } else digits = small = false;
    const raw = text.slice(i, end);
    // normalizeWord's own answers for these (a test compares): digits are the number; small letters not
    // ending in "s" are a number word's number, or themselves. Most words are these, and looking them up in
    // termMemo, which a big file's names and figures keep emptying, costs more.
    const term = digits ? raw : small && text.charCodeAt(end - 1) !== 0x73 ? (NUMBER_WORDS.get(raw) ?? raw) : termOf(raw);
    if (term) out.push(term);
    i = end;
  }
}

// Numbers meet however they are written: "five" and "5", "third" and "3rd", "11th" and "11".
// A Map: a plain object would answer "constructor" with Object itself.
const NUMBER_WORDS = new Map<string, string>(
  ([
    ['one', 'first'], ['two', 'second'], ['three', 'third'], ['four', 'fourth'], ['five', 'fifth'],
    ['six', 'sixth'], ['seven', 'seventh'], ['eight', 'eighth'], ['nine', 'ninth'], ['ten', 'tenth'],
    ['eleven', 'eleventh'], ['twelve', 'twelfth'],
  ] as const).flatMap(([cardinal, ordinal], i): [string, string][] => [[cardinal, String(i + 1)], [ordinal, String(i + 1)]]),
);

export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(w)) return w.replace(/,/g, '');
  if (/^\d+(st|nd|rd|th)$/.test(w)) return w.replace(/\D+$/, '');
  // A contraction is its first word: "i'd like to know" is "i like to know", "don't" is "do".
  w = w.replace(/['\u2019](?:s|d|m|ve|ll|re)$/, '');
  if (/\wn['\u2019]t$/.test(w)) w = ({ "can't": 'can', "won't": 'will' } as Record<string, string>)[w.replace('\u2019', "'")] ?? w.slice(0, -3);
  w = w.replace(/['\u2019]/g, '');
  if (/\d/.test(w) || isHan(w)) return w;
  return NUMBER_WORDS.get(w) ?? stem(w);
}

/** Plurals only: a stronger stemmer merges words people keep apart (production/products). */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is|ics)$/.test(w)) return w;
  if (/(ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/**
 * The root a word shares with its relatives: "ranked", "ranking" and "rank"
 * all give "rank"; "exporter" gives "export". Used to widen a query word to
 * its family, not to index.
 */
export function family(term: string): string {
  const root = shortestRoot(term, FAMILY_ENDINGS)?.[0] ?? term;
  // "produce" and "produced" meet at "produc".
  return root.length >= 5 && root.endsWith('e') ? root.slice(0, -1) : root;
}

/**
 * The same word as another part of speech, by the endings English derives
 * them with: "efficient" for "efficiency", "intelligence" for "intelligent".
 * Not a family root: "influence" and "influenced" must stay one family.
 */
export function derivedForms(term: string): string[] {
  const m = shortestRoot(term, DERIVED_ENDINGS);
  if (!m) return [];
  const [root, ending] = m;
  const endings = ENT.includes(ending) ? ENT : ANT;
  return endings.filter((e) => e !== ending).map((e) => `${root}${e}`);
}

const FAMILY_ENDINGS = ['ation', 'ations', 'ion', 'ions', 'ing', 'ed', 'er', 'ers', 'ly', 'ment'];
const ENT = ['ent', 'ence', 'ency'];
const ANT = ['ant', 'ance', 'ancy'];
const DERIVED_ENDINGS = [...ENT, ...ANT];
const LONGEST_ENDING = Math.max(...[...FAMILY_ENDINGS, ...DERIVED_ENDINGS].map((e) => e.length));

/**
 * The shortest root of at least 4 characters (no line break among them) that one of the endings follows to
 * the end of the word, with that ending: what /^(.{4,}?)(?:ending|...)$/ matches, without a regular
 * expression (V8 compiles each one a run first uses, about 0.15 million instructions for each of these two).
 */
function shortestRoot(term: string, endings: readonly string[]): [string, string] | undefined {
  // No ending is longer than this: a root can only end this near the end of the word.
  const from = Math.max(4, term.length - LONGEST_ENDING);
  for (let n = 1; n < term.length; n++) {
    const c = term.charCodeAt(n - 1);
    // What . does not match.
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return undefined;
    if (n < from) continue;
    const ending = term.slice(n);
    if (endings.includes(ending)) return [term.slice(0, n), ending];
  }
  return undefined;
}

// Words that carry no topic, or that questions wrap around the topic
// ("how many cars were made"); dropped from queries, not from the facts.
// English function words (the usual stop list of search engines), then the
// words a question to this tool wraps around its topic.
export const STOP_WORDS =
  'a an the of in on at to for from by with and or but nor not no if as so than too very is are was were ' +
  'be been being am has have had having do does did doing will would shall should can could may might must ' +
  'i me my myself we our ours us you your yours he him his she her hers it its itself they them their theirs ' +
  'this that these those there here what which who whom whose when where why how many much more most ' +
  'about into through during before after above below up down out off over under again further then once ' +
  'all any both each few other some such only own same just now also ever still yet per via ' +
  'tell show give find please know want need like ' +
  'number amount total list fact facts figure figures stat stats statistic statistics data info ' +
  'made make makes making get gets got getting live lives living count sector sectors ' +
  'current currently latest recent recently last so far';
// The same, normalised as queries are ("does" -> "doe"), written out: normalising
// them at each search ran five regular expressions on each of 174 words
// (test/search/tokenize.test.ts checks that this is what normalizeWord gives).
export const NORMALISED_STOP_WORDS =
  'a an the of in on at to for from by with and or but nor not no if as so than too very is are was were ' +
  'be been being am has have had having do doe did doing will would shall should can could may might must ' +
  'i me my myself we our us you your he him his she her it its itself they them their this that these those ' +
  'there here what which who whom whose when where why how many much more most about into through during ' +
  'before after above below up down out off over under again further then once all any both each few other ' +
  'some such only own same just now also ever still yet per via tell show give find please know want need ' +
  'like number amount total list fact figure stat statistic statistics data info made make making get got ' +
  'getting live living count sector current currently latest recent recently last far';
// Made on first use: a lookup that does not search never needs it.
let stop: Set<string> | undefined;

// The same for Chinese questions: 多少 ("how many"), 什么 ("what"), 怎么样
// ("how is"), 有没有 ("is there"), ... The longer ones come first when a
// query is cut, so 怎么样 is one word, not 怎么 and 样.
const HAN_STOP = new Set([
  '多少', '什么', '是什么', '什么样', '哪里', '哪些', '哪个', '怎么', '怎样', '怎么样', '如何', '为什么',
  '有没有', '是不是', '有多少', '多大', '多高', '几', '几个', '吗', '呢', '吧', '啊', '了', '的', '地', '得',
  '是', '有', '和', '与', '及', '在', '个', '请问', '请', '告诉', '我', '你', '介绍', '一下',
]);

export function isStopWord(term: string): boolean {
  stop ??= new Set(NORMALISED_STOP_WORDS.split(' '));
  return stop.has(term) || HAN_STOP.has(term);
}
