// Loads a facts file and checks its shape, so that every later step can trust
// the types. Whether the facts agree with their article is verify.ts's job.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { packagePath } from '../paths.js';
import { describePath, readText, STDIN } from './read.js';
import { DataError, NotFoundError, printable } from '../errors.js';
import { visible } from '../format/visible.js';
import { suggest } from '../search/suggest.js';
import { checkReferences, type Finding } from './checks.js';
import { validateFactsFile, type ParsedFacts } from './shape.js';
import { readPrebuilt, rememberIndex } from './prebuilt.js';
import type { Fact, FactsFile } from './types.js';

export { validateFactsFile };

/** The bundled facts file; found relative to this module so it works from src/ and dist/. */
export const BUNDLED_DATA = packagePath('data/facts.json');

export interface LoadedFacts extends ParsedFacts {
  /** Absolute path of the file the facts came from. */
  path: string;
  /** The file's bytes, for fingerprints. */
  raw: string;
}

/** --data wins over CHONGQING_FACTS_DATA, which wins over the bundled file; `-` is standard input. */
export function resolveDataPath(option: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = option ?? (env.CHONGQING_FACTS_DATA || undefined);
  if (chosen === STDIN) return STDIN;
  return chosen === undefined ? BUNDLED_DATA : resolve(chosen);
}

export interface LoadOptions {
  /**
   * Also refuse an id that is not kebab-case or repeats, or a fact whose
   * theme is not listed (the default): other commands would quietly miscount
   * or hide it, or pass the id on. verify turns this off to list every
   * problem at once (src/data/checks.ts serves both).
   */
  strict?: boolean;
  /**
   * For the bundled file, what the build loaded and checked (src/data/prebuilt.ts)
   * when it is current (the default); the build itself turns this off.
   */
  prebuilt?: boolean;
}

export function loadFacts(path: string = BUNDLED_DATA, { strict = true, prebuilt = true }: LoadOptions = {}): LoadedFacts {
  const ready = strict && prebuilt ? readPrebuilt(path) : undefined;
  if (ready) {
    let raw: string | undefined;
    // Not a copy: the facts are read when first asked for (prebuilt.ts), which a spread would do now.
    const data = Object.defineProperties(ready.data, {
      path: { value: path, enumerable: true, writable: true, configurable: true },
      // Only `info` needs the bytes (for their SHA-256): read then, not by every lookup.
      raw: { get: () => (raw ??= readFileSync(path, 'utf8')), enumerable: true, configurable: true },
    }) as LoadedFacts;
    rememberIndex(data, ready.index);
    return data;
  }
  // The bundled file is ours, installed with the code: read at once (the
  // careful way costs every lookup about half a millisecond). Any other is checked.
  const raw = path === BUNDLED_DATA ? readFileSync(path, 'utf8') : readText(path, 'facts file');
  const name = describePath(path);
  let json: unknown;
  try {
    // A byte-order mark (some Windows editors write one) is not part of the JSON.
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new DataError(`${name} is not valid JSON: ${jsonError(raw, (err as Error).message)}`);
  }
  const data = validateFactsFile(json, name);
  if (strict) checkStrictly(data, name, path);
  return { ...data, path, raw };
}

/** The shared checks, stopped at the first problem. */
function checkStrictly(data: ParsedFacts, file: string, path: string): void {
  checkReferences(data, (finding) => {
    throw referenceError(finding, file, path);
  });
}

/** A problem the shared checks found, as loading reports it (also for a file read piece by piece, src/index/build.ts). */
export function referenceError({ where, alone }: Pick<Finding, 'where' | 'alone'>, file: string, path: string): DataError {
  const command = `chongqing-facts verify --data ${path === STDIN ? '-' : shellWord(visible(path))}`;
  // The command last on the line, nothing around it: it is copied into a shell.
  return new DataError(`${file}: ${where}: ${alone}; to list every problem, run: ${command}`);
}

/**
 * A word a POSIX shell reads back as `text`: as it is when it holds nothing
 * the shell treats specially, else in single quotes (a ' as '\''). The
 * suggested command is copied into a shell, and a file's name is anyone's.
 */
export function shellWord(text: string): string {
  return /^[\w./+,:@%=-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * V8's JSON errors give a position, or quote the whole text, newlines and
 * all; this gives one line: what went wrong and where (line and column).
 */
function jsonError(text: string, message: string): string {
  const what = message.replace(/,? ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const at = /position (\d+)/.exec(message);
  if (!at) return printable(what, 120);
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = Number(at[1]) - before.lastIndexOf('\n');
  return `${printable(what, 120)} at line ${line}, column ${column}`;
}

/** The article text that a facts file names in meta.article, next to the facts file; none when it names none. */
export function articlePath(data: LoadedFacts): string | undefined {
  return data.meta.article === undefined ? undefined : resolve(dirname(data.path), data.meta.article);
}

/** The article's text; a data error when the file names none or it cannot be read. */
export function readArticle(data: LoadedFacts): string {
  const path = articlePath(data);
  if (path === undefined) {
    throw new DataError(
      `${data.path}: meta: field "article" is missing; verify and show --context need the article the facts were drawn from`,
    );
  }
  checkArticlePath(data, path);
  try {
    return readText(path, 'article');
  } catch (err) {
    throw err instanceof DataError ? new DataError(`${err.message} (named by ${describePath(data.path)})`) : err;
  }
}

/**
 * A facts file from anyone may not name just any file as its article (show
 * --context, verify and the MCP article resource show it): the article must
 * be a relative path inside the facts file's directory, links followed.
 */
function checkArticlePath(data: LoadedFacts, path: string): void {
  const dir = resolve(dirname(data.path));
  const within = (from: string, to: string) => {
    const rel = relative(from, to);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  let inside = !isAbsolute(data.meta.article ?? '') && within(dir, path);
  if (inside) {
    try {
      inside = within(realpathSync(dir), realpathSync(path));
    } catch {
      // A missing article: reading it says so.
    }
  }
  if (!inside) {
    throw new DataError(
      `${describePath(data.path)}: meta: field "article" must be a relative path to a file in the facts file's directory ` +
        `(links followed), and "${printable(data.meta.article ?? '')}" is not`,
    );
  }
}

/** The fact with this id; none is "not found" (exit 1) with the closest ids. */
export function findFact(data: Pick<FactsFile, 'facts'>, id: string): Fact {
  const fact = data.facts.find((f) => f.id === id);
  if (fact) return fact;
  const close = suggest(id.toLowerCase(), data.facts.map((f) => f.id), 5);
  const hint = close.length
    ? `; did you mean: ${close.join(', ')}?`
    : "; 'chongqing-facts list' shows every id, 'chongqing-facts search <words>' finds one";
  throw new NotFoundError(`no fact with id '${printable(id)}'${hint}`);
}
