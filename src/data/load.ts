// Loads a facts file and checks its shape, so that every later step can trust
// the types. Whether the facts agree with their article is verify.ts's job.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { packagePath } from '../paths.js';
import { describePath, readText, STDIN } from './read.js';
import { DataError, NotFoundError, printable } from '../errors.js';
import { suggest } from '../search/suggest.js';
import type { Fact, FactsFile, Figure, Rank, Theme } from './types.js';

/** The bundled facts file; found relative to this module so it works from src/ and dist/. */
export const BUNDLED_DATA = packagePath('data/facts.json');

export interface LoadedFacts extends FactsFile {
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
   * Also refuse a fact whose theme is not listed or whose id repeats (the
   * default): other commands would quietly miscount or hide it. verify turns
   * this off to list every problem at once.
   */
  strict?: boolean;
}

export function loadFacts(path: string = BUNDLED_DATA, { strict = true }: LoadOptions = {}): LoadedFacts {
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
  if (strict) checkReferences(data, name);
  return { ...data, path, raw };
}

function checkReferences(data: FactsFile, file: string): void {
  const themes = data.themes.map((t) => t.id);
  const known = new Set(themes); // not themes.includes() per fact: facts x themes
  const seen = new Map<string, number>();
  data.facts.forEach((f, i) => {
    const where = `${file}: facts[${i}] (id "${f.id}")`;
    const hint = `; 'chongqing-facts verify --data ${file}' lists every problem`;
    if (!known.has(f.theme)) {
      throw new DataError(`${where}: theme "${f.theme}" is not one of the file's themes (${themes.join(', ') || 'none'})${hint}`);
    }
    if (seen.has(f.id)) throw new DataError(`${where}: the id repeats facts[${seen.get(f.id)}]${hint}`);
    seen.set(f.id, i);
  });
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

/** The article text that a facts file names in meta.article, next to the facts file. */
export function articlePath(data: LoadedFacts): string {
  return resolve(dirname(data.path), data.meta.article);
}

export function readArticle(data: LoadedFacts): string {
  try {
    return readText(articlePath(data), 'article');
  } catch (err) {
    throw err instanceof DataError ? new DataError(`${err.message} (named by ${describePath(data.path)})`) : err;
  }
}

/** The fact with this id; none is "not found" (exit 1) with the closest ids. */
export function findFact(data: FactsFile, id: string): Fact {
  const fact = data.facts.find((f) => f.id === id);
  if (fact) return fact;
  const close = suggest(id.toLowerCase(), data.facts.map((f) => f.id), 5);
  const hint = close.length
    ? `; did you mean: ${close.join(', ')}?`
    : "; 'chongqing-facts list' shows every id, 'chongqing-facts search <words>' finds one";
  throw new NotFoundError(`no fact with id '${printable(id)}'${hint}`);
}

// ---- shape checks -------------------------------------------------------

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  constructor(readonly file: string) {}

  fail(where: string, message: string): never {
    throw new DataError(`${this.file}: ${where}: ${message}`);
  }

  string(o: Obj, key: string, where: string): string {
    const v = o[key];
    if (v === undefined) this.fail(where, `field "${key}" is missing`);
    if (typeof v !== 'string' || v.trim() === '') this.fail(where, `field "${key}" must be a non-empty string`);
    return v;
  }

  optString(o: Obj, key: string, where: string): string | undefined {
    return o[key] === undefined ? undefined : this.string(o, key, where);
  }

  number(o: Obj, key: string, where: string): number {
    const v = o[key];
    if (v === undefined) this.fail(where, `field "${key}" is missing`);
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(where, `field "${key}" must be a number`);
    return v;
  }

  strings(o: Obj, key: string, where: string): string[] | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
      this.fail(where, `field "${key}" must be an array of strings`);
    }
    return v as string[];
  }

  array(o: Obj, key: string, where: string): unknown[] {
    const v = o[key];
    if (v === undefined) this.fail(where, `field "${key}" is missing`);
    if (!Array.isArray(v)) this.fail(where, `field "${key}" must be an array`);
    return v;
  }

  object(v: unknown, where: string): Obj {
    if (!isObj(v)) this.fail(where, 'must be an object');
    return v;
  }
}

export function validateFactsFile(json: unknown, file: string): FactsFile {
  const c = new Checker(file);
  const top = c.object(json, 'top level');
  const m = c.object(top.meta, 'meta');
  const meta = {
    title: c.string(m, 'title', 'meta'),
    publisher: c.string(m, 'publisher', 'meta'),
    article: c.string(m, 'article', 'meta'),
    credit: c.optString(m, 'credit', 'meta'),
    language: c.optString(m, 'language', 'meta'),
  };
  const themes = c.array(top, 'themes', 'top level').map((t, i) => theme(c, t, `themes[${i}]`));
  const facts = c.array(top, 'facts', 'top level').map((f, i) => fact(c, f, i));
  return { meta: dropUndefined(meta), themes, facts };
}

function theme(c: Checker, v: unknown, where: string): Theme {
  const o = c.object(v, where);
  if (o.zone !== null && o.zone !== undefined && typeof o.zone !== 'string') {
    c.fail(where, 'field "zone" must be a string or null');
  }
  return dropUndefined({
    id: c.string(o, 'id', where),
    name: c.string(o, 'name', where),
    zone: (o.zone as string | null | undefined) ?? null,
    zh: c.strings(o, 'zh', where),
  });
}

function fact(c: Checker, v: unknown, index: number): Fact {
  let where = `facts[${index}]`;
  const o = c.object(v, where);
  if (typeof o.id === 'string') where += ` (id "${o.id}")`;
  const f: Fact = {
    id: c.string(o, 'id', where),
    theme: c.string(o, 'theme', where),
    statement: c.string(o, 'statement', where),
    source: c.string(o, 'source', where),
    section: c.string(o, 'section', where),
  };
  if (o.figures !== undefined) {
    f.figures = c.array(o, 'figures', where).map((g, j) => figure(c, g, `${where} figures[${j}]`));
  }
  if (o.rank !== undefined) f.rank = rank(c, o.rank, `${where} rank`);
  if (o.year !== undefined) {
    const y = c.number(o, 'year', where);
    if (!Number.isInteger(y)) c.fail(where, 'field "year" must be a whole number');
    f.year = y;
  }
  const date = c.optString(o, 'date', where);
  if (date !== undefined) f.date = date;
  const tags = c.strings(o, 'tags', where);
  if (tags) f.tags = tags;
  const zh = c.strings(o, 'zh', where);
  if (zh) f.zh = zh;
  return f;
}

function figure(c: Checker, v: unknown, where: string): Figure {
  const o = c.object(v, where);
  return dropUndefined({
    value: c.number(o, 'value', where),
    unit: c.string(o, 'unit', where),
    text: c.string(o, 'text', where),
    qualifier: c.optString(o, 'qualifier', where),
  });
}

function rank(c: Checker, v: unknown, where: string): Rank {
  const o = c.object(v, where);
  return dropUndefined({
    position: o.position === undefined ? undefined : c.number(o, 'position', where),
    scope: c.string(o, 'scope', where),
    text: c.string(o, 'text', where),
  });
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
