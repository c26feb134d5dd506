// cite --format markdown is pasted into documents that render Markdown and
// HTML: what the data holds must show as written, never as a tag, a link,
// emphasis or code.
import { describe, expect, it } from 'vitest';
import { cite } from '../../src/format/cite.js';
import type { Fact, Meta } from '../../src/data/types.js';
import { cli } from '../helpers.js';
import { tinyFacts } from './hostile.js';

const HOSTILE = '<img src=x onerror=alert(1)> [click](https://evil.example/) *bold* _it_ `code` \\ end';
const ESCAPED = '\\<img src=x onerror=alert(1)\\> \\[click\\](https://evil.example/) \\*bold\\* \\_it\\_ \\`code\\` \\\\ end';

describe('cite --format markdown', () => {
  const fact = { id: 'f', theme: 'main', statement: `Statement ${HOSTILE}`, source: `Source ${HOSTILE}`, section: `Section ${HOSTILE}` } as Fact;
  const meta = { title: `Title ${HOSTILE}`, publisher: `Publisher ${HOSTILE}`, article: 'a.txt' } as Meta;

  it.each([
    ['the statement', `Statement ${ESCAPED}\n`],
    ['the quoted source', `\n> Source ${ESCAPED}\n`],
    ['publisher, title and section', `-- Publisher ${ESCAPED}, *Title ${ESCAPED}*, section "Section ${ESCAPED}"\n`],
  ])('escapes Markdown and HTML in %s', (_what, expected) => {
    expect(cite(fact, meta, 'markdown')).toContain(expected);
  });

  it('leaves no raw tag or link in the CLI output', async () => {
    const file = tinyFacts('markdown.json', [{ id: 'f', statement: `Statement ${HOSTILE}` }]);
    const r = await cli(['cite', 'f', '--format', 'markdown', '--data', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/(^|[^\\])[<[]/);
    expect(r.stdout).toContain(ESCAPED);
  });

  it('plain text is unchanged', () => {
    const plain = cite({ ...fact, statement: 'GDP rose 5.2%.', source: 'It rose "5.2%".', section: 'Economy' }, { title: 'T', publisher: 'P' }, 'markdown');
    expect(plain).toBe('GDP rose 5.2%.\n\n> It rose "5.2%".\n\n-- P, *T*, section "Economy"\n');
  });
});
