// An MCP tool's error message quotes the data (here the article's file name,
// in get_fact's "not a sentence of ..."): no control character of it may
// reach the client raw, as in every other text the server sends.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { factsService } from '../../src/mcp/facts-service.js';
import { createServer } from '../../src/mcp/server.js';
import { RAW_CONTROL } from './hostile.js';

const dir = mkdtempSync(join(tmpdir(), 'cqf-mcp-err-'));
const ARTICLE = 'a\u001b]0;pwned\u0007\u202e.txt';
writeFileSync(join(dir, ARTICLE), '# T\n\nAnother sentence.\n');
const file = join(dir, 'facts.json');
writeFileSync(
  file,
  JSON.stringify({
    meta: { title: 'T', publisher: 'P', article: ARTICLE },
    themes: [{ id: 'main', name: 'M', zone: null }],
    facts: [{ id: 'metro', theme: 'main', statement: 'S.', source: 'Not in the article.', section: 'T' }],
  }),
);

describe('MCP tool errors', () => {
  it('escape control characters of the data in the message', async () => {
    const server = createServer(factsService(loadFacts(file)), () => {});
    const [a, b] = InMemoryTransport.createLinkedPair();
    await server.connect(a);
    const client = new Client({ name: 't', version: '0' });
    await client.connect(b);
    const r = (await client.callTool({ name: 'get_fact', arguments: { id: 'metro', context: true } })) as CallToolResult;
    await client.close();
    expect(r.isError).toBe(true);
    const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
    expect(text).toContain('is not a sentence of a\\u001b]0;pwned\\u0007\\u202e.txt');
    expect(text).not.toMatch(RAW_CONTROL);
  });
});
