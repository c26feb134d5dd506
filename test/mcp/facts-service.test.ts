// The MCP server's one door to the core, in-process: tool arguments become
// the CLI's options, and a facts file's text is escaped in the renderings.
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { factsService } from '../../src/mcp/facts-service.js';
import { factText, searchText, themesText } from '../../src/mcp/text.js';
import { cli, MINI } from '../helpers.js';

const service = factsService(loadFacts());
const ids = (r: ReturnType<typeof service.search>) => ('hits' in r ? r.hits.map((h) => h.fact.id) : []);

describe('facts service: tool arguments as the CLI options', () => {
  it.each([
    ['themes [] is no filter', { query: 'loans', themes: [] }, ['loans']],
    ['themes split at commas, as --theme a,b', { query: 'loans', themes: ['ecology, rural'] }, ['loans', '--theme', 'ecology,rural']],
    ['themes as several --theme', { query: 'loans', themes: ['ecology', 'rural'] }, ['loans', '--theme', 'ecology', '--theme', 'rural']],
    ['no limit is the CLI default (10)', { query: 'production' }, ['production']],
    ['max alone', { query: 'production', max: 100 }, ['production', '--max', '100']],
  ])('%s', async (_what, args, argv) => {
    const expected = JSON.parse((await cli(['search', ...argv, '--json'])).stdout).map((f: { id: string }) => f.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(service.search(args))).toEqual(expected);
  });

  it('a fact file of one’s own: its themes and units, for the tool descriptions', () => {
    const mini = factsService(loadFacts(MINI));
    expect(mini.themeIds).toEqual(['overview', 'industry', 'ecology']);
    expect(mini.units).toContain('RMB');
    expect(mini.article()).toMatch(/^With Spring in the Air/);
  });
});

describe('text renderings', () => {
  const fact = {
    id: 'x-1',
    theme: 'overview',
    statement: 'A \u001b[31mred\u001b[0m claim.',
    source: 'Said \u009b2J here.',
    section: 'S\u0007',
    figures: [{ value: 1, unit: 'tons', text: '1 ton\r', qualifier: 'about' }],
  };
  const meta = { title: 'T\u001b]0;x\u0007', publisher: 'P', article: 'a.txt' };

  it('escape control characters from the facts file, and cut nothing', () => {
    const all = [factText(fact, meta, 'para\u001b'), searchText('q\u001b', [fact]), themesText([{ id: 't\u001b', name: 'n', zone: null, facts: 1 }])].join('\n');
    const controls = Array.from(all).filter((ch) => ch !== '\n' && (ch < ' ' || (ch >= '\u007f' && ch <= '\u009f')));
    expect(controls).toEqual([]);
    expect(factText(fact, meta)).toContain('Statement: A \\u001b[31mred\\u001b[0m claim.');
    expect(factText(fact, meta)).toContain('Figures: 1 ton\\u000d (about)');
    const long = { ...fact, source: 'word '.repeat(200).trim() };
    expect(searchText('q', [long])).toContain(`Source sentence: "${long.source}"`);
  });

  it('quote each fact’s source sentence, numbered, best first', () => {
    expect(searchText('laptop', [fact, { ...fact, id: 'x-2' }])).toBe(
      [
        '2 facts for "laptop", best match first. Quote a source sentence as written; cite_fact gives a citation.',
        '1. x-1 (theme: overview)\n   Statement: A \\u001b[31mred\\u001b[0m claim.\n   Source sentence: "Said \\u009b2J here."',
        '2. x-2 (theme: overview)\n   Statement: A \\u001b[31mred\\u001b[0m claim.\n   Source sentence: "Said \\u009b2J here."',
      ].join('\n\n'),
    );
  });
});
