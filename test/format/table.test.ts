import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { drawTable, factCard, factsTable, groupThousands, highlight, markPart, themesTable } from '../../src/format/table.js';
import { displayWidth, wrapText } from '../../src/format/wrap.js';
import { loadFacts } from '../../src/data/load.js';
import { Chalk } from 'chalk';
import { MINI } from '../helpers.js';
import { nth } from '../nth.js';

const data = loadFacts(MINI);
const rows = data.facts.map((fact) => ({ fact }));
const widest = (text: string) => Math.max(...stripAnsi(text).trimEnd().split('\n').map(displayWidth));

describe('factsTable', () => {
  it.each([40, 60, 72, 80, 100, 120, 200])('fits a %i-column terminal and keeps id, theme, statement, source', (width) => {
    const out = factsTable(rows, ['id', 'theme', 'statement', 'source'], { width, color: 0 });
    expect(widest(out)).toBeLessThanOrEqual(width);
    // Cells wrap, so check words: every word of every cell is somewhere in the output.
    for (const word of ['laptop-production-world-first', 'industry', '2.788', 'consecutive', '"In']) {
      expect(out).toContain(word);
    }
    expect(out).not.toContain('…'); // wrapped, never cut
  });

  it('aligns Chinese text by display width', () => {
    const out = factsTable(rows, ['id', 'zh'], { width: 60, color: 0 });
    const lines = out.trimEnd().split('\n');
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it('colours only when asked', () => {
    expect(factsTable(rows, ['id'], { width: 80, color: 0 })).not.toContain('\u001b[');
    expect(factsTable(rows, ['id'], { width: 80, color: 1 })).toContain('\u001b[');
  });
});

describe('highlight', () => {
  const c = new Chalk({ level: 1 });
  it('marks the matched words, whatever their case or plural', () => {
    const out = highlight('Laptops and laptop production', new Set(['laptop']), c);
    expect(out).toBe(`${c.bold.yellow('Laptops')} and ${c.bold.yellow('laptop')} production`);
  });
  it('leaves text alone without colour', () => {
    expect(highlight('laptop', new Set(['laptop']), new Chalk({ level: 0 }))).toBe('laptop');
  });
});

describe('cards and themes', () => {
  it('show prints every part of a fact within the width', () => {
    const out = factCard(nth(data.facts), nth(data.themes), { width: 70, color: 0 });
    expect(widest(out)).toBeLessThanOrEqual(70);
    for (const part of ['statement', 'figures', 'source', 'section', 'RMB 3.37 trillion', 'exceeded']) {
      expect(out).toContain(part);
    }
  });

  it('themes lists ids, names, zones and counts', () => {
    const out = themesTable(data.themes.map((t) => ({ ...t, facts: 1 })), { width: 80, color: 0 });
    expect(widest(out)).toBeLessThanOrEqual(80);
    expect(out).toMatch(/industry .*High-quality/);
  });
});

describe('groupThousands', () => {
  it.each([
    [3370000000000, '3,370,000,000,000'],
    [2788000, '2,788,000'],
    [38.6, '38.6'],
    [999, '999'],
    [1031, '1,031'],
    [0.5, '0.5'],
    [-1234.5, '-1,234.5'],
  ])('%d -> %s', (n, text) => expect(groupThousands(n)).toBe(text));
});

describe('ids are never broken', () => {
  const long = data.facts.map((fact) => ({ fact: { ...fact, id: `${fact.id}-with-a-much-longer-id-than-thirty` } }));
  it.each([40, 60, 100, 200])('in a %i-column table', (width) => {
    for (const fields of [['id', 'theme', 'statement', 'source'], ['id', 'year'], ['id', 'theme', 'year', 'date']]) {
      const out = stripAnsi(factsTable(long, fields, { width, color: 0 }));
      for (const r of long) expect(out).toContain(r.fact.id);
      expect(out).not.toContain('…');
    }
  });

  it('in a show card', () => {
    const fact = { ...nth(data.facts), id: 'one-table-through-report-time-two-hours-to-ten-minutes' };
    const out = factCard(fact, nth(data.themes), { width: 60, color: 0 });
    expect(out).toContain(fact.id);
    expect(widest(out)).toBeLessThanOrEqual(60);
  });

  it('themes fit 40 columns', () => {
    const out = themesTable(data.themes.map((t) => ({ ...t, facts: 12 })), { width: 40, color: 0 });
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out).toContain('High-quality');
  });
});

describe('figures in show', () => {
  it.each([
    [1e-7, '(0.0000001 RMB)'],
    [5e-324, `(0.${'0'.repeat(323)}5 RMB)`],
    [1e21, '(1,000,000,000,000,000,000,000 RMB)'],
  ])('%d is written out in full', (value, text) => {
    const fact = { ...nth(data.facts), figures: [{ value, unit: 'RMB', text: 'a sum' }] };
    const out = factCard(fact, nth(data.themes), { width: 1000, color: 0 });
    expect(out).toContain(text);
    expect(out).not.toMatch(/\de[-+,]?\d/);
  });

  it('so are a year and a rank position', () => {
    const fact = { ...nth(data.facts), year: 1e21, rank: { position: 1e22, scope: 'world', text: 'first' } };
    const card = factCard(fact, nth(data.themes), { width: 200, color: 0 });
    expect(card).toContain('1000000000000000000000');
    expect(card).toContain('No. 10000000000000000000000 in world');
    expect(factsTable([{ fact }], ['id', 'year'], { width: 200, color: 0 })).toContain('1000000000000000000000');
  });
});

describe('drawTable draws long tables in chunks', () => {
  const cells = Array.from({ length: 150 }, (_, i) => [`row ${i}`, `a longer cell\nover two lines ${i}`]);
  const options = { head: ['n', 'text'], colWidths: [10, 20], style: { head: [], border: [] } };

  it.each([1, 2, 3, 64, 149, 150])('in chunks of %i, the same table as in one piece', (chunk) => {
    expect(drawTable(options, cells, chunk)).toBe(drawTable(options, cells, Infinity));
  });

  it('without a head too, and with one row', () => {
    const { head: _, ...bare } = options;
    expect(drawTable(bare, cells, 7)).toBe(drawTable(bare, cells, Infinity));
    expect(drawTable(bare, cells.slice(0, 1), 7)).toBe(drawTable(bare, cells.slice(0, 1), Infinity));
  });
});

describe('markPart', () => {
  const c = new Chalk({ level: 1 });
  const mark = (s: string) => c.bold.yellow(s);
  it.each([
    ['one two three four', 'two three', 10, ['one ' + mark('two'), mark('three') + ' four']],
    ['one  two\u00a0 three   four', 'two\u00a0 three', 10, ['one ' + mark('two'), mark('three') + ' four']],
    ['abcdefghij', 'cdefg', 4, ['ab' + mark('cd'), mark('efg') + 'h', 'ij']],
    ['before. The part. after', 'The part.', 40, [`before. ${mark('The part.')} after`]],
  ])('%j, marking %j at width %i', (text, part, width, lines) => {
    expect(markPart(wrapText(text, width), text, part, c)).toEqual(lines);
  });
});
