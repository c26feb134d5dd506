// meta.article may name only a file inside the facts file's directory: a
// hostile facts file must not make show --context, verify or the MCP article
// resource show /etc/passwd or ../../secret.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { factsService } from '../../src/mcp/facts-service.js';
import { cli } from '../helpers.js';

const SECRET = 'Secret sentence that must not be shown.';
const root = mkdtempSync(join(tmpdir(), 'cqf-article-'));
const dir = join(root, 'facts');
mkdirSync(join(dir, 'sub'), { recursive: true });
writeFileSync(join(root, 'secret.txt'), `# S\n\n${SECRET}\n`);
writeFileSync(join(dir, 'sub', 'article.txt'), '# T\n\nThe city has 12 metro lines.\n');
symlinkSync(join(root, 'secret.txt'), join(dir, 'link.txt'));
symlinkSync(join(dir, 'sub', 'article.txt'), join(dir, 'inner-link.txt'));

const facts = (name: string, article: string) => {
  const path = join(dir, name);
  const fact = { id: 'metro', theme: 'main', statement: 'S.', source: SECRET, section: 'S' };
  writeFileSync(path, JSON.stringify({ meta: { title: 'T', publisher: 'P', article }, themes: [{ id: 'main', name: 'M', zone: null }], facts: [fact] }));
  return path;
};

const RULE = /meta: field "article" must be a relative path to a file in the facts file's directory/;

describe('meta.article outside the facts file directory', () => {
  it.each([
    ['an absolute path', join(root, 'secret.txt')],
    ['/etc/passwd', '/etc/passwd'],
    ['../ escaping', '../secret.txt'],
    ['a path through a subdirectory that escapes', 'sub/../../secret.txt'],
    ['a link inside that points outside', 'link.txt'],
    ['the directory itself', '.'],
  ])('%s is refused by verify, show --context and the MCP article', async (name, article) => {
    const file = facts(`${name.replace(/\W/g, '-')}.json`, article);
    for (const argv of [['verify'], ['show', 'metro', '--context'], ['verify', '--json']]) {
      const r = await cli([...argv, '--data', file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(RULE);
      expect(r.stderr).not.toContain('Secret sentence');
      expect(r.stderr).not.toContain('root:');
    }
    expect(() => factsService(loadFacts(file)).article()).toThrow(RULE);
  });

  it.each([
    ['a file in a subdirectory', 'sub/article.txt'],
    ['a link to a file inside', 'inner-link.txt'],
  ])('%s is read', async (name, article) => {
    const file = facts(`ok-${name.replace(/\W/g, '-')}.json`, article);
    expect(factsService(loadFacts(file)).article()).toContain('12 metro lines');
    const r = await cli(['verify', '--data', file]);
    expect(r.stderr).not.toMatch(RULE);
  });
});
