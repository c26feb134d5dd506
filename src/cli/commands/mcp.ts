import { factsService } from '../../mcp/facts-service.js';
import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';

export function registerMcp(program: Program, ctx: Context): void {
  program
    .command('mcp')
    .description('serve the facts to AI assistants: a Model Context Protocol server on stdio (read-only, offline)')
    .addHelpText(
      'after',
      `
Tools: search_facts, get_fact, list_themes, cite_fact. Resources: each fact
(chongqing-facts://fact/<id>) and the article (chongqing-facts://article).
An assistant starts it; to try it by hand, paste JSON-RPC lines into it.

Claude Desktop (claude_desktop_config.json):
  { "mcpServers": { "${NAME}": { "command": "npx", "args": ["-y", "${NAME}", "mcp"] } } }

Runs until the client closes stdin; logs go to stderr, stdout is the protocol's.`,
    )
    .action(async (_opts, c) => {
      // Loaded here, so that a bad --data file is the usual one-line error (exit 2).
      const { data } = ctx.load(c);
      // The SDK and zod live in dist/mcp.cjs: loaded by this command alone, so lookups never pay for them.
      const { serve } = await import('../../mcp/server.js');
      await serve(factsService(data), (line) => ctx.io.stderr(`${NAME}: ${line}\n`));
    });
}
