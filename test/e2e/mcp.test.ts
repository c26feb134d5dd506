// `chongqing-facts mcp`, spawned as an assistant's client spawns it: the
// built binary, spoken to with the MCP SDK's own Client over stdio. The
// answers are checked against the CLI's, run in-process: the same JSON, the
// same ids, the same wording for a mistake.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, NODE, VERSION } from './binary.js';
import { cli, MINI } from '../helpers.js';
import { loadFacts } from '../../src/data/load.js';
import { search } from '../../src/search/rank.js';
import { indexFor } from '../../src/search/word-index.js';

const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
const ARTICLE = new URL('../../data/chongqing-daily-six-zones-one-highland.txt', import.meta.url);

interface Session {
  client: Client;
  stderr: () => string;
  close: () => Promise<void>;
}

async function connect(args: string[] = [], env: Record<string, string> = {}): Promise<Session> {
  const transport = new StdioClientTransport({ command: NODE, args: [BIN, ...args, 'mcp'], env: { ...ENV, ...env }, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'chongqing-facts-test', version: '0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** The CLI's message for a mistake, without its "chongqing-facts: error: " prefix. */
async function cliError(argv: string[]): Promise<string> {
  const r = await cli(argv);
  expect(r.code).toBe(2);
  return r.stderr.replace(/^chongqing-facts: error: /, '').trimEnd();
}

const texts = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : ''));

describe(`chongqing-facts mcp on Node ${VERSION}, over the SDK's stdio client`, () => {
  let s: Session;
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await s.client.callTool({ name, arguments: args })) as CallToolResult;

  beforeAll(async () => {
    s = await connect();
  });
  afterAll(async () => {
    await s.close();
  });

  it('introduces itself, and logs to stderr only', () => {
    expect(s.client.getServerVersion()).toMatchObject({ name: 'chongqing-facts' });
    expect(s.client.getInstructions()).toMatch(/search_facts.*get_fact.*cite_fact/s);
    expect(s.stderr()).toMatch(/^chongqing-facts: mcp: serving 131 facts from .*facts\.json on stdio\n$/);
  });

  it('lists the four tools, read-only, with input schemas an assistant can fill in', async () => {
    const { tools } = await s.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['cite_fact', 'get_fact', 'list_themes', 'search_facts']);
    for (const t of tools) {
      expect(t.description?.length).toBeGreaterThan(60);
      expect(t.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
    }
    const byName = Object.fromEntries(tools.map((t) => [t.name, t.inputSchema]));
    const search = byName.search_facts as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(search.required).toEqual(['query']);
    expect(Object.keys(search.properties).sort()).toEqual(['limit', 'max', 'min', 'query', 'sort', 'themes', 'unit', 'year'].sort());
    // The allowed values are in the schema, though the CLI's checks judge them (see the mistakes below).
    expect(search.properties.themes).toMatchObject({ type: 'array', items: { type: 'string', enum: ['overview', 'industry', 'opening-up', 'reform', 'governance', 'rural', 'ecology', 'party'] } });
    expect(search.properties.limit).toMatchObject({ type: 'integer', minimum: 1 });
    expect(search.properties.year).toMatchObject({ type: 'integer' });
    expect(search.properties.sort).toMatchObject({ type: 'string', enum: ['value'] });
    expect(search.properties.unit?.description).toContain('RMB');
    expect(byName.get_fact).toMatchObject({ required: ['id'], properties: { context: { type: 'boolean' } } });
    expect(byName.cite_fact).toMatchObject({ required: ['id'], properties: { format: { type: 'string', enum: ['text', 'markdown', 'bibtex', 'csl-json', 'json'] } } });
  });

  it('lists every fact as a resource, and the article', async () => {
    const { resources } = await s.client.listResources();
    const facts = JSON.parse((await cli(['list', '--json'])).stdout) as { id: string; statement: string }[];
    expect(resources).toHaveLength(facts.length + 1);
    expect(resources).toContainEqual(
      expect.objectContaining({ uri: 'chongqing-facts://fact/gdp-2025', name: 'gdp-2025', title: facts.find((f) => f.id === 'gdp-2025')?.statement, mimeType: 'application/json' }),
    );
    expect(resources.find((r) => r.uri === 'chongqing-facts://article')).toMatchObject({ mimeType: 'text/plain' });
    const { resourceTemplates } = await s.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['chongqing-facts://fact/{id}']);
  });

  it('reads a fact resource as `show --json` prints it, and the article as its file has it', async () => {
    const fact = await s.client.readResource({ uri: 'chongqing-facts://fact/automobile-production-2025' });
    expect(fact.contents).toEqual([
      { uri: 'chongqing-facts://fact/automobile-production-2025', mimeType: 'application/json', text: (await cli(['show', 'automobile-production-2025', '--json'])).stdout },
    ]);
    const article = await s.client.readResource({ uri: 'chongqing-facts://article' });
    expect(article.contents[0]).toMatchObject({ mimeType: 'text/plain', text: readFileSync(ARTICLE, 'utf8') });
    await expect(s.client.readResource({ uri: 'chongqing-facts://fact/gdp-2024' })).rejects.toThrow(/no fact with id 'gdp-2024'; did you mean: gdp-2025/);
  });

  it('completes fact ids in the resource template', async () => {
    const r = await s.client.complete({ ref: { type: 'ref/resource', uri: 'chongqing-facts://fact/{id}' }, argument: { name: 'id', value: 'gdp-' } });
    expect(r.completion.values).toContain('gdp-2025');
    expect(r.completion.values.every((v) => v.startsWith('gdp-'))).toBe(true);
  });

  it.each([
    [{ query: 'laptop' }, ['laptop']],
    [{ query: 'car production', limit: 3 }, ['car', 'production', '--limit', '3']],
    [{ query: 'loans', themes: ['ecology', 'rural'] }, ['loans', '--theme', 'ecology,rural']],
    [{ query: 'trade', unit: 'RMB', sort: 'value' }, ['trade', '--unit', 'RMB', '--sort', 'value']],
    [{ query: 'production', year: 2025, min: 1e6 }, ['production', '--year', '2025', '--min', '1e6']],
    [{ query: '奉节脐橙' }, ['奉节脐橙']],
  ])('search_facts %j answers what `search --json` prints, and quotes each source sentence', async (args, argv) => {
    const r = await call('search_facts', args);
    const cliJson = (await cli(['search', ...argv, '--json'])).stdout;
    expect(r.isError).toBeFalsy();
    const [text, json] = texts(r);
    expect(json).toBe(cliJson);
    expect(r.structuredContent).toEqual({ facts: JSON.parse(cliJson) });
    const facts = JSON.parse(cliJson) as { id: string; source: string }[];
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) expect(text).toContain(`Source sentence: "${f.source}"`);
  });

  it('search_facts finding nothing is an empty result with a message, not an error', async () => {
    const r = await call('search_facts', { query: 'zzqxj' });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toEqual({ facts: [] });
    expect(texts(r)).toEqual(['no facts match that query: "zzqxj". Try other or fewer words, or fewer filters.', '[]\n']);
    const filtered = await call('search_facts', { query: 'laptop', themes: ['ecology'] });
    expect(texts(filtered)[0]).toMatch(/^no facts match that query with those filters/);
  });

  it.each([
    ['an empty query', { query: '  ' }, ['search', ' ']],
    ['an unknown theme', { query: 'car', themes: ['nope'] }, ['search', 'car', '--theme', 'nope']],
    ['a theme close to one', { query: 'car', themes: ['ecolgy'] }, ['search', 'car', '--theme', 'ecolgy']],
    ['an empty theme', { query: 'car', themes: [''] }, ['search', 'car', '--theme', '']],
    ['an unknown unit', { query: 'car', unit: 'parsecs' }, ['search', 'car', '--unit', 'parsecs']],
    ['min above max', { query: 'car', min: 5, max: 1 }, ['search', 'car', '--min', '5', '--max', '1']],
  ])('search_facts with %s is a tool error in the CLI’s words', async (_what, args, argv) => {
    const r = await call('search_facts', args);
    expect(r.isError).toBe(true);
    expect(texts(r)).toEqual([await cliError(argv)]);
  });

  it.each([
    ['search_facts', 'limit', { query: 'car', limit: 0 }, ['search', 'car', '--limit', '0']],
    ['search_facts', 'limit', { query: 'car', limit: 2.5 }, ['search', 'car', '--limit', '2.5']],
    ['search_facts', 'year', { query: 'car', year: 25 }, ['search', 'car', '--year', '25']],
    ['search_facts', 'sort', { query: 'car', sort: 'date' }, ['search', 'car', '--sort', 'date']],
    ['cite_fact', 'format', { id: 'gdp-2025', format: 'html' }, ['cite', 'gdp-2025', '--format', 'html']],
  ])('%s with a bad %s is a tool error worded as the CLI words that option', async (tool, name, args, argv) => {
    const r = await call(tool, args);
    expect(r.isError).toBe(true);
    // commander: "option '-n, --limit <n>' argument '0' is invalid. ..."; the tool names its argument instead.
    expect(texts(r)).toEqual([`${name}: ${(await cliError(argv)).replace(/^option '[^']*' /, '')}`]);
  });

  it('an argument of the wrong type is a tool error too (the SDK checks types)', async () => {
    const r = await call('search_facts', { query: 'car', limit: 'ten' });
    expect(r.isError).toBe(true);
    expect(texts(r)[0]).toMatch(/limit/);
  });

  it('get_fact answers what `show --json` prints, with --context too', async () => {
    const plain = await call('get_fact', { id: 'gdp-2025' });
    const cliJson = (await cli(['show', 'gdp-2025', '--json'])).stdout;
    expect(texts(plain)[1]).toBe(cliJson);
    expect(plain.structuredContent).toEqual({ fact: JSON.parse(cliJson) });
    const fact = JSON.parse(cliJson);
    expect(texts(plain)[0]).toContain(`Source sentence: "${fact.source}"`);
    expect(texts(plain)[0]).toContain('Figures: RMB 3.37 trillion (exceeded)');

    const withContext = await call('get_fact', { id: 'gdp-2025', context: true });
    const cliContext = (await cli(['show', 'gdp-2025', '--context', '--json'])).stdout;
    expect(texts(withContext)[1]).toBe(cliContext);
    expect(texts(withContext)[0]).toContain(`Paragraph: "${JSON.parse(cliContext).context}"`);
  });

  it('get_fact and cite_fact with an unknown id: an empty result with the CLI’s message and suggestions, not an error', async () => {
    const cliMessage = (await cli(['show', 'gdp-2024'])).stderr.replace(/^chongqing-facts: error: /, '').trimEnd();
    expect(cliMessage).toMatch(/did you mean: gdp-2025/);
    for (const tool of ['get_fact', 'cite_fact']) {
      const r = await call(tool, { id: 'gdp-2024' });
      expect(r.isError).toBeFalsy();
      expect(texts(r)).toEqual([cliMessage]);
    }
    expect((await call('get_fact', { id: 'gdp-2024' })).structuredContent).toEqual({ fact: null });
  });

  it('list_themes answers what `themes --json` prints', async () => {
    const r = await call('list_themes');
    const cliJson = (await cli(['themes', '--json'])).stdout;
    expect(texts(r)[1]).toBe(cliJson);
    expect(r.structuredContent).toEqual({ themes: JSON.parse(cliJson) });
    expect(texts(r)[0]).toMatch(/^8 themes.*\n- overview: /);
  });

  it.each(['text', 'markdown', 'bibtex', 'csl-json', 'json'])('cite_fact --format %s is what `cite` prints', async (format) => {
    const r = await call('cite_fact', { id: 'laptop-production-world-first', format });
    expect(texts(r)[0]).toBe((await cli(['cite', 'laptop-production-world-first', '--format', format])).stdout);
    expect(texts(r)[1]).toBe((await cli(['show', 'laptop-production-world-first', '--json'])).stdout);
    expect(r.structuredContent).toMatchObject({ id: 'laptop-production-world-first', format });
  });

  it('search_facts returns the same ids as the in-memory search, for every query of the relevance set', async () => {
    const queries = (JSON.parse(readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8')) as { query: string }[]).map((q) => q.query);
    const index = indexFor(loadFacts());
    expect(queries.length).toBeGreaterThan(100);
    for (const query of queries) {
      const r = await call('search_facts', { query });
      const ids = (r.structuredContent as { facts: { id: string }[] }).facts.map((f) => f.id);
      expect(ids, query).toEqual(search(index, query).slice(0, 10).map((h) => h.fact.id));
    }
  });
});

describe(`chongqing-facts mcp with a facts file of one's own, on Node ${VERSION}`, () => {
  it.each([
    ['--data', ['--data', MINI], {}],
    ['CHONGQING_FACTS_DATA', [], { CHONGQING_FACTS_DATA: MINI }],
  ])('serves the file given by %s', async (_how, args, env) => {
    const s = await connect(args, env);
    try {
      const { resources } = await s.client.listResources();
      expect(resources.map((r) => r.name)).toEqual(['article', 'gdp-2025', 'automobile-production-2025', 'laptop-production-world-first', 'good-air-quality-days']);
      const themes = (await s.client.callTool({ name: 'list_themes' })) as CallToolResult;
      expect(themes.structuredContent).toEqual({ themes: JSON.parse((await cli(['--data', MINI, 'themes', '--json'])).stdout) });
      const hits = (await s.client.callTool({ name: 'search_facts', arguments: { query: 'car' } })) as CallToolResult;
      expect(texts(hits)[1]).toBe((await cli(['--data', MINI, 'search', 'car', '--json'])).stdout);
      const bad = (await s.client.callTool({ name: 'search_facts', arguments: { query: 'car', themes: ['party'] } })) as CallToolResult;
      expect(texts(bad)).toEqual([await cliError(['--data', MINI, 'search', 'car', '--theme', 'party'])]);
      expect(s.stderr()).toContain('mini-facts.json');
    } finally {
      await s.close();
    }
  });

  it('a facts file that cannot be read is the usual one-line error, exit 2, before any protocol', () => {
    const r = spawnSync(NODE, [BIN, '--data', '/nonexistent/facts.json', 'mcp'], { encoding: 'utf8', env: ENV, input: '' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('chongqing-facts: error: cannot read facts file /nonexistent/facts.json: no such file\n');
  });
});

/** A server spoken to line by line, as no SDK would: to send what a client should not. */
class Raw {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor() {
    this.child = spawn(NODE, [BIN, 'mcp'], { env: ENV });
    this.child.stdout.on('data', (c: Buffer) => (this.stdout += c.toString()));
    this.child.stderr.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** The messages written so far, once there are n of them. */
  async messages(n: number): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + 20_000;
    while (this.lines().length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  lines(): string[] {
    return this.stdout.split('\n').filter((l) => l !== '');
  }
}

const request = (id: number, method: string, params: Record<string, unknown> = {}) => JSON.stringify({ jsonrpc: '2.0', id, method, params });
const INITIALIZE = request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } });

describe(`chongqing-facts mcp on a raw pipe, on Node ${VERSION}`, () => {
  it('answers a malformed line with a JSON-RPC error and lives on; stdout is nothing but JSON-RPC', async () => {
    const raw = new Raw();
    raw.send(INITIALIZE);
    expect((await raw.messages(1))[0]).toMatchObject({ id: 1, result: { serverInfo: { name: 'chongqing-facts' } } });
    raw.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    raw.send('this is not JSON');
    expect((await raw.messages(2))[1]).toEqual({ jsonrpc: '2.0', error: { code: -32700, message: expect.stringMatching(/^Parse error: /) } });
    raw.send('{"id": 7, "hello": "world"}');
    expect((await raw.messages(3))[2]).toEqual({ jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request: not a JSON-RPC 2.0 message' } });
    raw.send(request(2, 'tools/call', { name: 'get_fact', arguments: { id: 'gdp-2025' } }));
    const [, , , answer] = await raw.messages(4);
    expect(answer).toMatchObject({ jsonrpc: '2.0', id: 2, result: { structuredContent: { fact: { id: 'gdp-2025' } } } });
    raw.send(request(3, 'no/such/method'));
    expect((await raw.messages(5))[4]).toMatchObject({ id: 3, error: { code: -32601 } });
    raw.child.stdin.end();
    expect(await raw.exited).toBe(0);
    for (const message of raw.lines().map((l) => JSON.parse(l))) expect(message).toMatchObject({ jsonrpc: '2.0' });
    expect(raw.stderr).toMatch(/skipped a line: Parse error/);
    expect(raw.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits cleanly when stdin closes, after answering what it was sent', () => {
    const input = [INITIALIZE, request(2, 'tools/call', { name: 'search_facts', arguments: { query: 'laptop' } })].join('\n') + '\n';
    const r = spawnSync(NODE, [BIN, 'mcp'], { encoding: 'utf8', env: ENV, input, timeout: 20_000 });
    expect(r.status).toBe(0);
    const messages = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(messages.map((m) => m.id)).toEqual([1, 2]);
    expect(messages[1].result.structuredContent.facts[0].id).toBe('laptop-production-world-first');
    expect(r.stderr).toMatch(/^chongqing-facts: mcp: serving 131 facts/);
  });

  it('nothing in the bundles it runs prints to stdout behind the transport’s back (console.log and kin write there)', () => {
    for (const bundle of ['main.cjs', 'mcp.cjs']) {
      const code = readFileSync(new URL(`../../dist/${bundle}`, import.meta.url), 'utf8');
      expect(code.match(/console\.(log|info|debug|dir|dirxml|table|group\w*|count|time\w*)\b/g), bundle).toBeNull();
    }
  });

  // scripts/build.mjs swaps the SDK's Ajv validator (used only for
  // elicitation, which this server never asks for) for a stand-in; a new SDK
  // that moves it would bring Ajv back into the bundle unnoticed.
  it('its bundle holds no Ajv (the SDK validates only elicitation answers with it)', () => {
    const code = readFileSync(new URL('../../dist/mcp.cjs', import.meta.url), 'utf8');
    expect(code.replace(/AjvJsonSchemaValidator/g, '')).not.toMatch(/ajv/i);
    expect(code).toContain('JSON Schema validation (elicitation) is not built in');
  });

  // The same for Zod 3 and zod-to-json-schema, which the SDK needs only for
  // tool schemas written with Zod 3; ours are Zod 4.
  it('its bundle holds no Zod 3 and no zod-to-json-schema (the tools are Zod 4 schemas)', () => {
    const code = readFileSync(new URL('../../dist/mcp.cjs', import.meta.url), 'utf8');
    // Zod 3's own names, which Zod 4 does not use.
    expect(code).not.toMatch(/ZodFirstPartyTypeKind|ZodEffects|parseDef|zod-to-json-schema/);
    expect(code).toContain('Zod 3 schemas are not built in');
  });

  it('ends quietly when the client closes its stdout', async () => {
    const raw = new Raw();
    raw.send(INITIALIZE);
    await raw.messages(1);
    raw.child.stdout.destroy();
    raw.send(request(2, 'tools/call', { name: 'list_themes', arguments: {} }));
    expect(await raw.exited).toBe(0);
    expect(raw.stderr).not.toMatch(/\n\s+at |Error/);
  });
});
