import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadFacts } from '../../src/data/load.js';
import { amountInWords, askedParts, candidates, explain, firstTurn, hasVerbEnding, isYear, queryParts, queryTerms, search, similarity } from '../../src/search/rank.js';
import { buildIndex } from '../../src/search/word-index.js';
import { relatedTerms } from '../../src/search/related.js';

const data = loadFacts();
const index = buildIndex(data.facts, data.themes);
const top = (q: string, n = 3) => search(index, q, { limit: n }).map((h) => h.fact.id);

describe('candidates', () => {
  // One fact holding words of several lengths, so each rule meets its edge.
  const tiny = buildIndex(
    [{ id: 'x', theme: 't', statement: 'internationalization of automobile exports', source: 's', section: 's' }],
    [],
  );
  it.each([
    ['automoblie', ['automobile']], // a typo
    ['export', ['export']], // the word itself (its family "exports" is the same word once stemmed)
    ['internationalizaton', ['internationalization']], // one slip in a long word
    ['internation', ['internationalization']], // a start, 0.6 + 0.4 * 11/20 = 0.82
    ['inte', []], // a start of a fifth of the word (0.68) is below MIN_SIMILARITY
    ['york', []], // four letters: starts only
  ])('%s -> %j', (q, expected) => expect([...candidates(tiny, q).keys()]).toEqual(expected));

  it('compares no word with a real English word the facts lack ("fare" is not a typo of "far")', () => {
    const asked: string[] = [];
    const watched = { ...tiny, nearWords: (q: string) => (asked.push(q), tiny.nearWords(q)) };
    expect([...candidates(watched, 'kindergarten').keys()]).toEqual([]);
    expect(asked).toEqual([]);
    candidates(watched, 'automoblie');
    expect(asked).toEqual(['automoblie']);
  });
});

describe('candidates: a word as another part of speech counts as its family does', () => {
  const tiny = buildIndex([{ id: 'x', theme: 't', statement: 'energy efficiency and artificial intelligence', source: 's', section: 's' }], []);
  it.each([
    ['efficient', 'efficiency'],
    ['intelligent', 'intelligence'],
  ])('%s -> %s', (q, v) => expect(candidates(tiny, q).get(v)).toBe(0.9));
});

describe('candidates: a related word meets the facts in any of its forms', () => {
  // The table links "cutting" to "reduce" (and "reducing"); this fact says "reduced".
  const tiny = buildIndex([{ id: 'x', theme: 't', statement: 'reports reduced by half', source: 's', section: 's' }], []);
  it('cutting -> reduced, as a related word counts (at most 0.6), as much as its nearest form in the table', () => {
    const near = relatedTerms('cutting').filter((r) => r.term.startsWith('reduc'));
    expect(near.length).toBeGreaterThan(0);
    expect(candidates(tiny, 'cutting').get('reduced')).toBeCloseTo(0.6 * Math.max(...near.map((r) => r.similarity)));
  });
});

describe('candidates: a slip undone, then normalised as a query word is', () => {
  it.each([
    ['speceis', 'specy'], // "species", which the facts keep as "specy"
    ['bann', 'ban'], // a doubled letter
    ['emissoins', 'emission'],
  ])('%s -> %s', (q, v) => expect(candidates(index, q).get(v)).toBeGreaterThanOrEqual(0.8));
  it('undoes no slip in a real English word', () => expect(candidates(index, 'fare').has('far')).toBe(false));
});

describe('candidates: a closed compound of two fact words meets its last', () => {
  it.each([
    ['seaport', 'port'],
    ['farmland', 'land'],
  ])('%s -> %s', (q, v) => expect(candidates(index, q).get(v)).toBe(0.8));
  // A word the facts have is taken as meant; a function word is no part of a compound.
  it.each([['airport', 'port'], ['without', 'out']])('%s does not meet %s', (q, v) => expect(candidates(index, q).get(v) ?? 0).toBeLessThan(0.8));
});

describe('similarity', () => {
  it.each([
    ['automoblie', 'automobile', 0.9], // one swap in a long word
    ['lapotp', 'laptop', 0.83],
    ['fengie', 'fengjie', 0.86],
    ['gpd', 'gdp', 0.8], // three letters: a swap only
    ['gdx', 'gdp', 0],
    ['york', 'work', 0], // four letters: no typos
    ['agri', 'agricultural', 0.73], // the start of a word
    ['ranked', 'rank', 0.87], // another ending
    ['weather', 'western', 0],
    ['car', 'carbon', 0],
  ])('%s ~ %s', (q, v, expected) => expect(similarity(q, v)).toBeCloseTo(expected, 2));
});

describe('queryTerms', () => {
  it.each([
    ['How many cars were made in Chongqing?', ['car', 'chongqing']],
    ['重庆有多少人口', ['重庆', '人口']],
    ['gdp,population', ['gdp', 'population']],
    ['top five', ['top', '5']],
    ['the of and', []],
  ])('%s', (q, expected) => expect(queryTerms(index, q)).toEqual(expected));
});

describe('search', () => {
  it.each([
    ['automobile', 'automobile-production-2025'],
    ['car', 'automobile-production-2025'],
    ['lapotp', 'laptop-production-world-first'],
    ['奉节脐橙', 'fengjie-navel-orange-brand-value'],
    ['2,788,000', 'automobile-production-2025'],
  ])('%s finds %s in the top three', (q, id) => expect(top(q)).toContain(id));

  it.each(['bitcoin', 'xylophone', 'Tokyo subway', 'zzqxj', '比特币'])('%s finds nothing', (q) => {
    expect(top(q, 10)).toEqual([]);
  });

  it('puts a fact matching every word above one matching a word strongly', () => {
    const hits = search(index, 'green loans trillion');
    expect(hits[0]?.fact.id).toBe('green-loans-1-trillion');
  });

  it('scores from 0 (best) to 1, best first', () => {
    const hits = search(index, 'rural roads');
    const scores = hits.map((h) => h.score);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1);
    expect(hits[0]?.matched).toEqual(expect.arrayContaining(['rural', 'road']));
  });
});

describe('queryParts: a query splits into topics at joining words and commas only', () => {
  it.each([
    ['gdp and population', [['gdp'], ['population']]],
    ['gdp, population', [['gdp'], ['population']]],
    ['gdp & population; trade', [['gdp'], ['population'], ['trade']]],
    ['chengdu gdp 2025', [['chengdu', 'gdp', '2025']]],
    ['2,788,000 units', [['2788000', 'unit']]], // a comma between digits is a thousands separator
    ['空气质量和森林', [['空气质量'], ['森林']]],
    ['how many cars and laptops were made', [['car'], ['laptop']]],
    ['gdp+population', [['gdp'], ['population']]],
    ['gdp + population', [['gdp'], ['population']]],
    ['AI+ action', [['ai', 'action']]], // a plus that ends a name joins nothing
    // Where the asker read it is not what is asked.
    ['gdp according to the newspaper', [['gdp']]],
    ['according to xinhua how big is the gdp', [['big', 'gdp']]],
    ['r&d spending', [['r', 'd', 'spending']]], // nor an ampersand inside a word
    ['gdp&population', [['gdp', 'population']]],
  ])('%s', (q, expected) => expect(queryParts(index, q)).toEqual(expected));

  // An ASCII query splits with ASCII classes, any other with Unicode ones (made
  // on first use, for start-up): the same query with a Chinese word added
  // must split where the ASCII one did.
  it.each(['gdp & population; trade', 'gdp+population', 'gdp + population', 'AI+ action', 'r&d spending', 'gdp&population', '2,788,000 units, trade'])(
    '%s splits the same beyond ASCII',
    (q) => expect(queryParts(index, `${q} 森林`).map((p) => p.filter((w) => w !== '森林'))).toEqual(queryParts(index, q)),
  );
});

describe('an amount written short is read as the facts write it', () => {
  it.each([
    ['800bn', ['800', 'billion']],
    ['1.7 bn yuan', ['1.7', 'billion', 'yuan']],
    ['3.37TN', ['3.37', 'trillion']],
    ['100m sprint', ['100m', 'sprint']], // metres, perhaps: left as it is
  ])('%s', (q, words) => expect(queryTerms(index, q)).toEqual(words));
  it('finds the figure', () => expect(top('exports and imports crossed 800bn', 3)).toContain('foreign-trade-800-billion-overview'));
});

describe('amountInWords: a Chinese amount as the facts write it in English', () => {
  it.each([
    ['8000', '亿', '800 billion'],
    ['5000', '万', '50 million'],
    ['3.37', '万亿', '3.37 trillion'],
    ['一', '万亿', '1 trillion'],
    ['三千二百', '万', '32 million'],
    ['十五', '万', '150000'],
    ['25', '万', '250000'],
  ])('%s%s is %s', (n, unit, words) => expect(amountInWords(n, unit)).toBe(words));

  it('lets a Chinese question meet the figure', () => {
    expect(top('重庆常住人口超过三千万了吗', 3).some((id) => id.includes('population'))).toBe(true);
  });
});

describe('askedParts: what each part of a question asks for beyond its topic', () => {
  const none = { figure: false, measure: false, date: false };
  const figure = { figure: true, measure: false, date: false };
  const measure = { figure: false, measure: true, date: false };
  const date = { figure: false, measure: false, date: true };
  it.each([
    ['gdp 2025', [none]],
    ['how many cars', [{ ...figure, counted: 'car' }]],
    // The first word of the counted phrase that the facts have, or else its last; common words are not counted.
    ['how many new energy vehicles', [{ ...figure, counted: 'energy' }]],
    ['how many international routes does it have', [{ ...figure, counted: 'route' }]],
    ['how much green credit', [figure]],
    ['How much green credit', [figure]],
    ['how big is the economy', [none]], // a size in words, a rank or a figure: not asked as a number
    ['carbon trading volume', [figure]], // a noun asking for an amount
    ['quantity of exports', [figure]],
    ['how long are the rural roads', [measure]],
    ['how fast was the licence renewed', [measure]],
    ['when does the plan start', [date]],
    ['what year did the ban start', [date]],
    ['the year of the plan', [none]],
    ['重庆汽车产量多少', [figure]],
    ['中欧班列有几个', [figure]],
    ['十五五规划什么时候开局', [date]],
    // Each part asks its own question.
    ['how many people live here and when does the plan begin', [figure, date]],
    ['gdp, and when does the plan begin', [none, date]],
  ])('%s', (q, expected) => expect(askedParts(index, q).map((p) => p.asks)).toEqual(expected));
});

describe('search, as a person who never read the article asks', () => {
  it.each([
    // A question's wording is optional: the content words decide.
    ['how many fish species came back to the yangtze', 'yangtze-52-additional-fish-species'],
    ['what share of gdp do services make up', 'service-industry-share-of-gdp'],
    // Meaning, through the distilled related words: credit -> loan, travellers -> passengers.
    ['green credit', 'green-loans-1-trillion'],
    ['airport travellers', 'jiangbei-airport-50-million-passengers'],
    // Chinese question words are dropped like English ones.
    ['奉节脐橙怎么样', 'fengjie-navel-orange-brand-value'],
    ['重庆有没有绿色贷款', 'green-loans-1-trillion'],
    // Two letters swapped in a short word.
    ['airprot passengers', 'jiangbei-airport-50-million-passengers'],
    // A describing word the facts lack is the wording of the question when the query has a topic.
    ["How busy is Chongqing's main airport?", 'jiangbei-airport-50-million-passengers'],
  ])('%s finds %s in the top three', (q, id) => expect(top(q)).toContain(id));

  it('answers each topic of a query about two things, best of each first', () => {
    const [first, second] = top('air quality and forest belt', 2);
    expect(first).toBe('good-air-quality-days-325');
    expect(second).toBe('thousand-mile-forest-belt-2-million-mu');
  });

  it('gives each topic its own best fact, even when one fact touches both on a shared word', () => {
    // Both parts name the Yangtze; the fish facts must not crowd out the water-quality one.
    const first2 = top('yangtze water quality and fish species', 2);
    expect(first2).toContain('yangtze-water-quality-nine-years');
    expect(first2.some((id) => id.startsWith('yangtze-') && id !== 'yangtze-water-quality-nine-years')).toBe(true);
  });

  it('does not take a part of nothing but the setting for a topic', () => {
    // "chongqing" alone would be answered by any fact; it joins the other part.
    for (const q of ['chongqing and gdp', 'gdp and chongqing']) {
      expect(top(q, 3).every((id) => id.includes('gdp'))).toBe(true);
    }
  });

  it('answers the topics it can when one part of the query is about nothing in the facts', () => {
    expect(top('gdp and bitcoin', 1)).toEqual(['gdp-2025']);
  });

  it.each([
    'who is the mayor', // "mayor" is a real word, not a typo of "major"
    'chongqing metro fare', // nor "fare" of "far"
    'tourist attractions', // half of a query is not an answer
    'number of hospitals in chongqing', // "Chongqing" and something near "hospital" are not enough
    'best hotpot restaurants',
    '重庆天气怎么样',
    // A place the facts do not cover is not answered by Chongqing's facts on the same topic.
    'population of wuhan',
    'wuhan car production',
    // A name is never the wording of a question, however common a word it is ("york").
    'new york trade',
    // A place the facts name, on a topic its facts lack: neither the topic's facts (they miss
    // the place) nor the place's facts (they miss the topic's most specific word) answer.
    'chengdu gdp 2025',
    'beijing olympics',
    // The setting ("chongqing", in nearly every fact) does not tip half a topic over the floor.
    'chongqing football club',
    'chongqing unemployment rate',
    // Several words near one fact word in meaning ("hockey", "league": "team") are one piece of evidence.
    'hockey league position',
    'rugby league position',
    // Without a topic, the describing word is the topic.
    'is chongqing expensive',
    'how humid is chongqing',
    // A number is no topic: "fiscal" still counts fully here.
    'chongqing fiscal revenue 2025',
    // A common word that is only a noun names a topic.
    'how many universities are there in chongqing',
    // "How many" asks for a figure and "when" for a year: a fact on the topic that gives neither is no answer.
    'how many stations are on rail transit line 17',
    '轨道交通17号线有几个站',
    'when was gaolong avenue station topped out',
    // "How long" asks for a measure, which a place in a ranking does not give.
    'how long do china-europe railway express trips take',
  ])('%s finds nothing', (q) => expect(top(q, 10)).toEqual([]));

  // What "how many" counts must be in the fact: the airport's passengers are not its routes or its cargo flights.
  it.each(['how many domestic routes does jiangbei airport serve', 'how many cargo flights does jiangbei airport have'])('%s finds nothing', (q) =>
    expect(top(q, 10)).toEqual([]),
  );

  it.each([
    ['how many passengers went through jiangbei airport', 'jiangbei-airport-50-million-passengers'],
    // A word no fact has ("extra") is not what is counted when the phrase goes on.
    ['how many extra fish species returned to the yangtze', 'yangtze-52-additional-fish-species'],
  ])('%s finds %s', (q, id) => expect(top(q, 3)).toContain(id));

  // Two "how many"s joined in one topic (a part of nothing but a unit joins its neighbour): neither count is a condition.
  it('how many distributors came to the fengjie navel orange fair and for how many tons finds the fair in tons', () => {
    const hits = search(index, 'how many distributors came to the fengjie navel orange fair and for how many tons', { limit: 3 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.fact.figures?.some((f) => f.unit === 'tons')).toBe(true);
  });

  // A year the query names must be the fact's: cumulative trips, a ranking of no year, do not answer it.
  it.each(['china-europe railway express trips in 2025', 'preschool education ranking 2024'])('%s finds nothing', (q) => expect(top(q, 10)).toEqual([]));
  it.each([
    ['car production 2025', 'automobile-production-2025'],
    ['china-europe railway express trips', 'china-europe-railway-express-trips-first'],
  ])('%s finds %s', (q, id) => expect(top(q, 3)).toContain(id));

  // "Volume" and "quantity" ask for an amount, as "how much" does: the AITO facts give none.
  it.each(['aito m9 volume 2025', 'aito m8 m9 quantity'])('%s finds nothing', (q) => expect(top(q, 10)).toEqual([]));

  it.each([
    ['chongqing foreign trade volume', 'foreign-trade-800-billion-record'],
    ['carbon trading volume', 'carbon-market-transactions-54-million-tons'],
  ])('%s still finds %s', (q, id) => expect(top(q, 3)).toContain(id));

  it.each([
    ['how much green credit is there', 'green-loans-1-trillion'],
    ['when does the next five-year plan open', '15th-five-year-plan-2026'],
    // A place in a ranking says how many as well as a figure does.
    ['how many china-europe railway express trips in total, compared nationwide', 'china-europe-railway-express-trips-first'],
  ])('%s finds %s, which gives what the question asks for', (q, id) => expect(top(q, 1)).toEqual([id]));

  // A unit of measure the query names must be in the fact: one on the topic in another unit does not say it.
  it.each([
    ['laptop output exact units', 'laptop-production-world-first'],
    ['fengjie orange brand worth in kg', 'fengjie-navel-orange-brand-value'],
    // A part of nothing but units is no topic of its own ("the cars' 2.788 million units" do not answer it).
    ['laptop production, exact units', 'automobile-production-2025'],
    ['notebook computers made in chongqing, number of units', 'automobile-production-2025'],
  ])('%s finds nothing, not %s', (q) => expect(top(q, 10)).toEqual([]));

  it.each([
    // A unit the fact writes another way, or names as its figure's unit.
    ['chongqing car output in units', 'automobile-production-2025'],
    ['navel orange fair deals in tonnes', 'fengjie-navel-orange-fair-250000-tons'],
    ['fengjie navel orange brand value in yuan', 'fengjie-navel-orange-brand-value'],
    // "A unit" of people is no unit of measure.
    ['procuratorate unit protecting minors', 'juvenile-protection-team-role-model'],
  ])('%s finds %s', (q, id) => expect(top(q, 3)).toContain(id));

  // Chatter around a question: a clause that finds nothing alone, and says less than the rest, is left out.
  it.each([
    ["quick question: what was chongqing's gdp in 2025?", 'gdp-2025'],
    ['writing a blog post - how many passengers did jiangbei airport handle', 'jiangbei-airport-50-million-passengers'],
    ['green loans balance \u2014 for my essay', 'green-loans-1-trillion'],
    ["I'd like to know the gdp", 'gdp-2025'],
  ])('%s finds %s first', (q, id) => expect(top(q, 1)).toEqual([id]));

  it.each([
    // The question finds nothing, so neither does the query, whatever its lead-in finds.
    'quick question: who is the mayor',
    'for a school project - how many universities are there',
    // The lesser part is the chatter: "how many km" alone does not answer what the query asks.
    'chongqing metro network - how many km',
  ])('%s still finds nothing', (q) => expect(top(q, 10)).toEqual([]));

  it('a query of many clauses costs a search of its words, not a search for each clause', () => {
    let reads = 0;
    // Every look at the index counts.
    const counted = new Proxy(index, {
      get: (target, key, receiver) => {
        reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const cost = (q: string) => {
      reads = 0;
      search(counted, q, { limit: 3 });
      return reads;
    };
    const words = Array.from({ length: 200 }, (_, i) => `zq${i.toString(36)}x`);
    expect(cost(words.join(': '))).toBeLessThanOrEqual(2 * cost(words.join(' ')));
  });

  // Evidence that converges: several words of a paraphrase meet one fact as
  // written, though its own words ("standing", "worth", "little", "grew")
  // meet other facts or none, and the fact covers less than half of it.
  it.each([
    ['screen industry chongqing national standing worth talking about', 'flexible-display-top-five-nationally'],
    ['former little freight yard grew into a big trade corridor hub', 'xiaonanya-former-fourth-class-station'],
  ])('%s finds %s', (q, id) => expect(top(q, 3)).toContain(id));

  // A form of a basic word ("covering": "cover") is not the query's most specific word, which a fact must meet.
  it.each([
    ['senior care network covering the entire region', 'elderly-care-network-full-coverage'],
  ])('%s finds %s', (q, id) => expect(top(q, 3)).toContain(id));

  // "The city" is Chongqing: a fact that names Chongqing meets it.
  it.each([
    ["virtual replica of the city's buried pipelines", 'underground-pipeline-digital-twin-first'],
    ['3d map of underground pipes across the city', 'underground-pipeline-digital-twin-first'],
  ])('%s finds %s', (q, id) => expect(top(q, 3)).toContain(id));

  // A verb form the facts lack ("tidied", "swamped") says what happened to the topic, as a describing word does.
  it.each([
    ['how many villages got tidied up', 'beautiful-harmonious-villages-2927'],
    ['township officials swamped by paperwork', 'one-table-through-reports-115-to-11'],
  ])('%s finds %s', (q, id) => expect(top(q, 3)).toContain(id));
  // A noun in -ing is a topic all the same.
  it.each(['wedding venues in chongqing', 'chongqing skiing resorts'])('%s finds nothing', (q) => expect(top(q, 10)).toEqual([]));

  // A compound the facts lack counts as one word they lack, not two.
  it('earth-friendly lending by banks total finds the green loans', () => {
    expect(top('earth-friendly lending by banks total', 3)).toContain('green-loans-1-trillion');
  });

  it('answers a query naming a place with the facts that name it', () => {
    expect(top('fengjie navel orange fair chengdu', 1)).toEqual(['fengjie-navel-orange-fair-chengdu']);
    expect(top('chengdu chongqing science center', 1)).toEqual(['chengdu-chongqing-science-center-first']);
  });

  it('lets a fact miss the most specific word when it meets more specific words than it misses', () => {
    expect(top('zhenying wharf transformation', 3).some((id) => id.startsWith('zhenying-wharf'))).toBe(true);
  });

  it('a query of words that nearly every fact has still finds facts', () => {
    expect(top('chongqing', 3)).toHaveLength(3);
  });

  it('orders equal matches the same way every time', () => {
    const once = search(index, 'xiaonanya station').map((h) => h.fact.id);
    expect(search(index, 'xiaonanya station').map((h) => h.fact.id)).toEqual(once);
    expect(once.length).toBeGreaterThan(1);
  });
});


describe('ranking only as far as the hits asked for', () => {
  // rank() stops after the levels of coverage that hold `limit` hits: the
  // hits must be the first of those that ranking every fact gives, in order.
  const queries: string[] = JSON.parse(readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8')).map((q: { query: string }) => q.query);
  const several = ['gdp and population', 'yangtze water quality and fish species', 'car, vehicle', 'airport; orange', 'chengdu and chongqing', 'autmobile', '重庆汽车'];
  const hits = (q: string, limit?: number) => search(index, q, limit === undefined ? {} : { limit }).map((h) => [h.fact.id, h.score, h.matched]);
  it.each([...queries, ...several])('%s', (q) => {
    const all = hits(q);
    for (const limit of [1, 2, 3, 10]) expect(hits(q, limit)).toEqual(all.slice(0, limit));
  });
});

describe('the first turn of a big level (firstTurn)', () => {
  // What rank() does without it: sort the level, number each source's facts
  // in that order, sort again by that number; the first turn is number 0.
  interface E { info: { source: number }; key: number }
  const order = (a: E, b: E) => a.key - b.key;
  const slow = (level: E[], take: number) => {
    const sorted = [...level].sort(order);
    const seen = new Set<number>();
    return sorted.filter((e) => !seen.has(e.info.source) && seen.add(e.info.source)).slice(0, take);
  };
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  it.each([
    [1, 1, 1],
    [50, 5, 3],
    [600, 40, 10],
    [2000, 2000, 40],
    [2000, 3, 400],
  ])('%i facts of %i sources, the first %i', (n, sources, take) => {
    for (let round = 0; round < 20; round++) {
      const level = Array.from({ length: n }, (_, i) => ({ info: { source: random(sources) }, key: random(n * 4) * n + i }));
      expect(firstTurn(level, take, order)).toEqual(slow(level, take));
    }
  });

  // A level past the size where rank() takes the first turn alone: 2,000
  // facts that all hold "automobile" once, 131 sentences between them, so
  // that a search of a few hits goes through firstTurn and must give the
  // first hits of ranking every fact.
  const many = Array.from({ length: 2000 }, (_, i) => {
    const f = data.facts[i % data.facts.length]!;
    return { ...f, id: `copy-${i}`, statement: `${f.statement} Automobile${' more'.repeat(i % 7)}.`, source: data.facts[(i * 7) % data.facts.length]!.source, tags: [] };
  });
  const big = buildIndex(many, data.themes);
  const hits = (q: string, limit?: number) => search(big, q, limit === undefined ? {} : { limit }).map((h) => [h.fact.id, h.score]);
  it.each(['automobile', 'automobiles', 'how many automobiles'])('%s: the same first hits at every limit', (q) => {
    const all = hits(q);
    expect(all.length).toBeGreaterThan(600);
    for (const limit of [1, 3, 10, 50]) expect(hits(q, limit)).toEqual(all.slice(0, limit));
  });
});

// isYear and hasVerbEnding test words without a regular expression (each costs
// its compiling in every run); they must say what these did.
describe('word tests written without regular expressions', () => {
  const words = ['2025', '1999', '1899', '2100', '20255', '202', '20x5', 'x2025', '2o25', 'spruced', 'drowning', 'wedding', 'red', 'bed', 'ing', 'sing', 'bring', 'tidied', 'covered', 'ed', 'aed', 'a1bed', '12ing', 'seeing', 'x-ing', 'abc-ed', 'ĂBCing', 'reduced', 'speed', 'chongqing', ''];
  it.each(words)('%j', (w) => {
    expect(isYear(w)).toBe(/^(?:19|20)\d\d$/.test(w));
    expect(hasVerbEnding(w)).toBe(/[a-z]{3}(?:ing|ed)$/.test(w));
  });
});

// explain() goes through the same checks as search: a fact search rejects shows the check it fails.
describe('explain', () => {
  it('names the check that rejects a fact, among all the checks search makes', () => {
    const part = explain(index, 'how many laptops did chongqing make in 2025 in units').parts[0];
    const laptop = part?.facts.find((f) => f.id === 'laptop-production-world-first');
    expect(laptop?.checks.map((c) => c.name)).toEqual(['covers', 'realMatch', 'namesMet', 'unitsMet', 'yearsMet', 'keyMet', 'gives', 'countedMet']);
    expect(laptop?.checks.filter((c) => !c.passes).map((c) => c.name)).toEqual(['unitsMet']);
    expect(search(index, 'how many laptops did chongqing make in 2025 in units')).toEqual([]);
  });
});
