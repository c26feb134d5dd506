// `chongqing-facts mcp`: the facts for AI assistants, as a Model Context
// Protocol server on stdio, built with the official SDK. Tools search, show,
// list themes and cite; each fact and the article are resources. Read-only
// and offline: it reads the facts file and its article, nothing else.
//
// stdout carries protocol messages and nothing else (the SDK's transport
// writes them); logs go to stderr. The build puts this module, the SDK and
// zod in dist/mcp.cjs, which only this command loads (scripts/build.mjs).
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { version } from '../../package.json';
import { printable } from '../errors.js';
// Types only: the service is made in the CLI's bundle and handed over, so
// dist/mcp.cjs holds the SDK and this file, not a second copy of the core.
import type { FactsService } from './facts-service.js';
import { clean, factText, searchText, themesText } from './text.js';

export const FACT_URI = 'chongqing-facts://fact/{id}';
export const ARTICLE_URI = 'chongqing-facts://article';
/** JSON-RPC's codes for a line that is not JSON, and for JSON that is not a message; MCP's for an unknown resource. */
const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const RESOURCE_NOT_FOUND = -32002;

export const factUri = (id: string) => `chongqing-facts://fact/${encodeURIComponent(id)}`;

type Log = (line: string) => void;

/** Serves `data` on stdin and stdout until the client closes stdin (or the transport fails). */
export async function serve(service: FactsService, log: Log): Promise<void> {
  const server = createServer(service, log);
  const transport = new StdioServerTransport();
  // Set before connect(), which calls this first and then its own handler.
  // The SDK's transport skips a line it cannot read and lives on, but does
  // not answer it; JSON-RPC asks for an error response (without an id: none
  // could be read, and MCP's schema has no null id).
  transport.onerror = (err) => {
    const code = err instanceof SyntaxError ? PARSE_ERROR : err instanceof z.ZodError ? INVALID_REQUEST : undefined;
    if (code === undefined) {
      log(`mcp: ${printable(err.message, 300)}`);
      return;
    }
    const message = code === PARSE_ERROR ? `Parse error: ${err.message}` : 'Invalid Request: not a JSON-RPC 2.0 message';
    log(`mcp: skipped a line: ${printable(message, 300)}`);
    transport.send({ jsonrpc: '2.0', error: { code, message } }).catch(() => {});
  };
  const done = new Promise<void>((resolve) => {
    // The client closed stdin: nothing more will come. Requests still being
    // answered finish (their responses are written), and Node exits when
    // nothing is left to do: no close() here, it would cancel them.
    process.stdin.once('end', resolve);
    transport.onclose = resolve;
  });
  // A client that closes our stdout has gone: end quietly, as `| head` does for lookups.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') log(`mcp: cannot write to stdout: ${printable(err.message, 300)}`);
    process.exit(err.code === 'EPIPE' ? 0 : 2);
  });
  await server.connect(transport);
  log(`mcp: serving ${service.facts.length} facts from ${printable(service.path, 300)} on stdio`);
  await done;
}

export function createServer(service: FactsService, log: Log): McpServer {
  const { meta } = service;
  const article = `${meta.publisher ? `${clean(meta.publisher)}'s article` : 'the article'} "${clean(meta.title)}"`;
  const server = new McpServer(
    { name: 'chongqing-facts', title: 'Chongqing facts', version },
    {
      instructions:
        `Checked facts drawn from ${article}. Every fact carries the article's sentence it came from, verbatim. ` +
        'To answer a question, call search_facts with a few key words (list_themes gives the themes to narrow by), ' +
        'get_fact for one fact in full, and cite_fact for a citation. Quote the source sentence as written, and do not ' +
        'state a figure that no fact gives. Read-only and offline.',
    },
  );
  const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

  /** Runs a tool; a user's mistake is a tool error with the CLI's wording, a bug also goes to the log. */
  const tool =
    <A>(name: string, run: (args: A) => CallToolResult) =>
    (args: A): CallToolResult => {
      try {
        return run(args);
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        // A message may quote the data (a file name, an id): escaped like every other text we send.
        if (service.isUserError(e)) return { content: [{ type: 'text', text: clean(e.message) }], isError: true };
        log(`mcp: internal error in ${name}: ${printable(e.stack ?? e.message, Infinity)}`);
        return { content: [{ type: 'text', text: `internal error: ${clean(e.message)}` }], isError: true };
      }
    };
  /** The text to read and quote, then the JSON the CLI's --json prints, then the same as structured content. */
  const answer = (text: string, json: string | undefined, structured: Record<string, unknown>): CallToolResult => ({
    content: json === undefined ? [{ type: 'text', text }] : [{ type: 'text', text }, { type: 'text', text: json }],
    structuredContent: structured,
  });

  const themeList = service.themeIds.map(clean).join(', ');
  // The JSON Schemas below state the allowed values (enum, integer, minimum)
  // through .meta(), which only adds them to the schema: zod itself accepts
  // any string or number there, so that the CLI's own checks judge the value
  // and a mistake reads as it does on the command line.
  server.registerTool(
    'search_facts',
    {
      title: 'Search the facts',
      description:
        `Search the facts drawn from ${article}, best match first. Each result has the fact's id, theme, ` +
        "statement, the article's source sentence verbatim, its section, and any figures, rank and year. " +
        'Use a few key words, in English or Chinese; typos and synonyms are forgiven. ' +
        'Nothing found is an empty result with a message, not an error.',
      inputSchema: {
        query: z.string().describe('Words to look for, e.g. "car production", "GDP", "air quality", "奉节脐橙". Not empty.'),
        themes: z
          .array(z.string().meta({ enum: service.themeIds }))
          .optional()
          .describe(`Only facts of these themes (see list_themes): ${themeList}.`),
        limit: z
          .number()
          .meta({ type: 'integer', minimum: 1 })
          .optional()
          .describe(`At most this many results (default ${service.choices.defaultLimit}).`),
        year: z.number().meta({ type: 'integer', minimum: 1000, maximum: 9999 }).optional().describe('Only facts of this year, e.g. 2025.'),
        min: z.number().optional().describe('Only facts with a figure of at least this value, as a plain number (RMB 3.37 trillion is 3370000000000).'),
        max: z.number().optional().describe('Only facts with a figure of at most this value.'),
        unit: z
          .string()
          .optional()
          .describe(`Only facts with a figure in this unit (with min and max: the figure in this unit). Units in the data: ${service.units.map(clean).join(', ')}.`),
        sort: z
          .string()
          .meta({ enum: [...service.choices.sortKeys] })
          .optional()
          .describe('"value": order by the largest (matching) figure, largest first, instead of by relevance.'),
      },
      annotations: { title: 'Search the facts', ...readOnly },
    },
    tool('search_facts', (args) => {
      const r = service.search(args);
      if ('nothing' in r) return answer(`${r.nothing}: "${clean(args.query)}". Try other or fewer words, or fewer filters.`, r.json, { facts: [] });
      return answer(searchText(args.query, r.hits.map((h) => h.fact)), r.json, { facts: r.hits.map((h) => h.record) });
    }),
  );

  server.registerTool(
    'get_fact',
    {
      title: 'Get one fact',
      description:
        'One fact in full, by its id (as search_facts returns it): statement, source sentence verbatim, section, figures, ' +
        'rank, year; with context, also the whole paragraph of the article that the sentence sits in. An unknown id is an ' +
        'empty result with the closest ids, not an error.',
      inputSchema: {
        id: z.string().describe('The fact id, e.g. "gdp-2025".'),
        context: z.boolean().optional().describe('Also return the paragraph the source sentence sits in.'),
      },
      annotations: { title: 'Get one fact', ...readOnly },
    },
    tool('get_fact', ({ id, context }) => {
      const r = service.getFact(id, context);
      if ('nothing' in r) return answer(r.nothing, undefined, { fact: null });
      return answer(factText(r.fact, meta, r.context), r.json, { fact: r.record });
    }),
  );

  server.registerTool(
    'list_themes',
    {
      title: 'List the themes',
      description: `The themes the facts are grouped in (one per part of ${article}), with how many facts each has. Their ids narrow search_facts.`,
      annotations: { title: 'List the themes', ...readOnly },
    },
    tool('list_themes', () => {
      const r = service.themes();
      return answer(themesText(r.themes), r.json, { themes: r.themes });
    }),
  );

  server.registerTool(
    'cite_fact',
    {
      title: 'Cite a fact',
      description:
        'A ready-to-paste citation of one fact: its statement, the verbatim source sentence, the article and its publisher. ' +
        'An unknown id is an empty result with the closest ids, not an error.',
      inputSchema: {
        id: z.string().describe('The fact id, e.g. "gdp-2025".'),
        format: z
          .string()
          .meta({ enum: [...service.choices.citeFormats] })
          .optional()
          .describe('"text" (the default), "markdown" or "bibtex".'),
      },
      annotations: { title: 'Cite a fact', ...readOnly },
    },
    tool('cite_fact', ({ id, format }) => {
      const r = service.cite(id, format);
      if ('nothing' in r) return answer(r.nothing, undefined, { citation: null });
      return answer(r.citation, r.json, { id: r.fact.id, format: r.format, citation: r.citation, fact: r.record });
    }),
  );

  const ids = service.facts.map((f) => f.id);
  server.registerResource(
    'fact',
    new ResourceTemplate(FACT_URI, {
      list: () => ({
        resources: service.facts.map((f) => ({
          uri: factUri(f.id),
          name: f.id,
          title: clean(f.statement),
          mimeType: 'application/json',
        })),
      }),
      complete: { id: (value) => ids.filter((id) => id.startsWith(value)).slice(0, 100) },
    }),
    {
      title: 'A fact',
      description: 'One fact as JSON, as `chongqing-facts show <id> --json` prints it.',
      mimeType: 'application/json',
    },
    (uri, { id }) => {
      const r = typeof id === 'string' ? service.getFact(decode(id)) : undefined;
      if (!r || 'nothing' in r) throw new McpError(RESOURCE_NOT_FOUND, r ? r.nothing : `no fact at ${uri.href}`);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: r.json }] };
    },
  );

  server.registerResource(
    'article',
    ARTICLE_URI,
    {
      title: clean(meta.title),
      description: `The article every fact is drawn from, as ${meta.publisher ? clean(meta.publisher) : 'its publisher'} published it${meta.credit ? ` (${clean(meta.credit)})` : ''}.`,
      mimeType: 'text/plain',
    },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: service.article() }] }),
  );

  return server;
}

/** An id as a URI carries it; one that does not decode names no fact. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
