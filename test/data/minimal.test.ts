// A minimal facts file (issue 11), as a new user writes one, through the CLI:
// every lookup works; what needs the article says so; verify says what a
// complete file has besides.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cqf-minimal-'));
const write = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(body));
  return path;
};
const metro = { id: 'metro-lines', theme: 'transport', statement: 'The city has 12 metro lines.', source: 'There are 12 metro lines.' };
const bare = write('my-city.json', [metro]);
// The article beside the facts file: a facts file may name only a file in its own directory.
const article = 'chongqing-daily-six-zones-one-highland.txt';
copyFileSync(resolve(dirname(MINI), article), join(dir, article));
const gdp = {
  id: 'gdp-2025',
  theme: 'overview',
  statement: "Chongqing's GDP exceeded RMB 3.37 trillion in 2025.",
  source: "A range of statistics testifies to this progress: In 2025, Chongqing's GDP exceeded RMB 3.37 trillion.",
};

describe('a minimal facts file', () => {
  it.each([
    [['list', '--json'], /"id": "metro-lines"/],
    [['show', 'metro-lines'], /The city has 12 metro lines\./],
    [['search', 'metro'], /metro-lines/],
    [['themes', '--json'], /"id": "transport",\s+"name": "transport",\s+"zone": null/],
    [['cite', 'metro-lines'], /^-- my-city\.json$/m],
    [['cite', 'metro-lines', '--format', 'bibtex'], /@article\{metro-lines,\n {2}title {5}= \{my-city\.json\},\n {2}note/],
    [['info', '--format', 'text'], /^title {5}my-city\.json$/m],
    [['info'], /^title\tmy-city\.json$/m],
    [['stats', '--json'], /"facts": 1/],
  ])('%j works', async (argv, output) => {
    const r = await cli([...argv, '--data', bare]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(output);
  });

  it('info leaves out the publisher and article it has not', async () => {
    const r = await cli(['info', '--data', bare]);
    expect(r.stdout).not.toMatch(/publisher|article|undefined/);
  });

  it.each([
    [['verify'], /my-city\.json: meta: field "article" is missing, so verify has no article to check the facts against; a complete file also needs: meta\.title, meta\.publisher, themes, section \(1 fact\)$/],
    [['show', 'metro-lines', '--context'], /my-city\.json: meta: field "article" is missing; verify and show --context need the article the facts were drawn from$/],
  ])('%j says it needs the article (exit 2)', async (argv, message) => {
    const r = await cli([...argv, '--data', bare]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  it('verify, given the article, checks the facts and lists what a complete file lacks', async () => {
    const file = write('with-article.json', { meta: { article }, facts: [gdp] });
    const r = await cli(['verify', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'file: meta: field "title" is missing; the file\'s name stands in',
        'file: meta: field "publisher" is missing',
        "file: field \"themes\" is missing; the facts' theme ids stand in, without names",
        `facts[0] (gdp-2025): field "section" is missing; the source sits under "With Spring in the Air, Chongqing Embarks on a New Journey: "Six Zones and One Highland" Initiative Maps Out a New Blueprint for Modernization"`,
        '',
      ].join('\n'),
    );
  });

  it('verify lists every id that is not kebab-case, escaped', async () => {
    const file = write('ids.json', {
      meta: { article },
      facts: [
        { ...gdp, id: 'GDP\u001b]0;x\u0007' },
        { ...gdp, id: 'Gdp 2', figures: [{ value: 1, unit: 'x', text: '1\u001b[2J' }] },
      ],
    });
    const r = await cli(['verify', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^facts\[0\] \(GDP\\u001b\]0;x\\u0007\): id "GDP\\u001b\]0;x\\u0007" is not kebab-case/m);
    expect(r.stdout).toMatch(/^facts\[1\] \(Gdp 2\): id "Gdp 2" is not kebab-case/m);
    expect(r.stdout).toMatch(/^facts\[1\] \(Gdp 2\): figures\[0\]\.text "1\\u001b\[2J" is not in the source/m);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('other commands refuse such an id (exit 2), naming the file, the place and the id escaped', async () => {
    const file = write('evil.json', [{ ...metro, id: 'x$(touch /tmp/pwned)\u001b[2J' }]);
    const r = await cli(['list', '--data', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil\.json: facts\[0\] \(id "x\$\(touch \/tmp\/pwned\)\\u001b\[2J"\): the id is not kebab-case/);
    expect(r.stderr).not.toMatch(/\u001b/);
  });
});
