// Lets a plain Node script use the project's TypeScript (the build and the
// relevance benchmark share code with src/ and test/): bundles `contents`, a
// module of re-exports, with esbuild into a temporary file and imports it.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);

export async function importTs(contents) {
  const dir = mkdtempSync(join(tmpdir(), 'cqf-ts-'));
  try {
    const outfile = join(dir, 'module.mjs');
    await build({
      stdin: { contents, resolveDir: root.pathname, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      // Modules find data relative to themselves, as they would from src/.
      define: { 'import.meta.url': JSON.stringify(new URL('src/paths.ts', root).href) },
      logLevel: 'warning',
      // CommonJS dependencies (commander) require() Node's built-ins; an ES module has no require of its own.
      banner: { js: "import { createRequire as __cqfRequire } from 'node:module'; const require = __cqfRequire(import.meta.url);" },
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
