// Checks that parsed JSON has the shape of a facts file, with the validator
// that Ajv generated from data/facts.schema.json (no schema is compiled at
// start-up), says what is wrong in one line, and fills in what a minimal
// file leaves out.
import { basename } from 'node:path';
import { DataError, printable } from '../errors.js';
import { didYouMean } from '../search/suggest.js';
import { factsSchema } from './generated/facts-schema.js';
import validate from './generated/validate-facts.js';
import type { ErrorObject } from 'ajv';
import type { Fact, FactsFile, FactsFileInput, Theme } from './types.js';

/** What loading filled in because the file left it out; verify reports it. */
export interface Defaults {
  /** meta.title was absent: the file's name stands in. */
  title: boolean;
  /** themes were absent: they are the facts' own theme ids. */
  themes: boolean;
}

export interface ParsedFacts extends FactsFile {
  defaults: Defaults;
}

/** The facts file `json` (read from `file`) once checked and completed; a data error names the first problem. */
export function validateFactsFile(json: unknown, file: string): ParsedFacts {
  if (!validate(json)) throw new DataError(`${file}: ${describeError(validate.errors ?? [], json)}`);
  return complete(json, file);
}

/**
 * One fact of a file read piece by piece (src/index/scan.ts), checked as
 * validateFactsFile checks it and named by its place in the file.
 */
export function validateFact(raw: unknown, index: number, file: string): Fact {
  if (validate([raw])) return orderFact(raw as Fact);
  const errors = (validate.errors ?? []).map((e) => ({ ...e, instancePath: e.instancePath.replace(/^\/0(?=\/|$)/, `/${index}`) }));
  // A sparse array: the fact at its place, for describeError's walk.
  const json: unknown[] = [];
  json[index] = raw;
  throw new DataError(`${file}: ${describeError(errors, json)}`);
}

/**
 * The rest of a file read piece by piece: its top level with the facts left
 * out (`facts` says whether the file had them: an empty list stands in),
 * checked and completed as validateFactsFile does; themes not declared are
 * the facts' theme ids, in order of first use.
 */
export function validateFactsTop(top: Record<string, unknown>, hasFacts: boolean, factThemes: Iterable<string>, file: string): ParsedFacts {
  const json = hasFacts ? { ...top, facts: [] } : top;
  if (!validate(json)) throw new DataError(`${file}: ${describeError(validate.errors ?? [], json)}`);
  const parsed = complete(json, file);
  if (parsed.defaults.themes) parsed.themes = [...factThemes].map((id) => ({ id, name: id, zone: null }));
  return parsed;
}

function complete(input: FactsFileInput, file: string): ParsedFacts {
  const top = Array.isArray(input) ? { facts: input } : input;
  const facts = top.facts.map(orderFact);
  return {
    meta: { title: basename(file), ...pick(top.meta ?? {}, ORDER.meta) },
    themes: top.themes ? top.themes.map((t) => pick({ ...t, zone: t.zone ?? null }, ORDER.theme)) : themesOf(facts),
    facts,
    defaults: { title: top.meta?.title === undefined, themes: top.themes === undefined },
  };
}

/** Themes not declared: each theme id the facts use, named by itself, in order of first use. */
function themesOf(facts: readonly Fact[]): Theme[] {
  const ids = new Set(facts.map((f) => f.theme));
  return [...ids].map((id) => ({ id, name: id, zone: null }));
}

// ---- key order ----------------------------------------------------------

// Objects are copied with their keys in the schema's order, so that JSON
// output has one key order whatever the file's (as before the schema was the
// source). The key lists come from the schema; which fields nest is said here.
const DEFS: Readonly<Record<string, object>> = factsSchema.$defs;
const keysOf = (name: string): string[] => {
  const def = DEFS[name];
  return def && 'properties' in def ? Object.keys(def.properties as object) : [];
};
const ORDER = {
  meta: keysOf('meta'),
  theme: keysOf('theme'),
  fact: keysOf('fact'),
  figure: keysOf('figure'),
  rank: keysOf('rank'),
};

function orderFact(raw: Fact): Fact {
  const fact = pick(raw, ORDER.fact);
  if (fact.figures) fact.figures = fact.figures.map((g) => pick(g, ORDER.figure));
  if (fact.rank) fact.rank = pick(fact.rank, ORDER.rank);
  return fact;
}

/** A copy of `o` with `keys` in that order; absent keys stay absent. */
function pick<T extends object>(o: T, keys: readonly string[]): T {
  const from = o as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out as T;
}

// ---- Ajv's errors in words ------------------------------------------------

/** Which definition the objects under a key follow, for "did you mean" on unknown fields. */
const KIND: Record<string, string> = { meta: 'meta', themes: 'theme', facts: 'fact', figures: 'figure', rank: 'rank' };

/**
 * One line for the first of Ajv's errors: where (`facts[12] (id "metro-lines")`,
 * `meta`, `facts[3] (id "x") figures[0]`), then what, naming the field.
 */
export function describeError(errors: readonly ErrorObject[], json: unknown): string {
  // The top level's if/then/else adds an error of its own after the real one.
  const error = errors.find((e) => e.keyword !== 'if');
  if (!error) return 'not a facts file';
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  // A bare array is the facts list.
  let node: unknown = Array.isArray(json) ? { facts: json } : json;
  if (Array.isArray(json)) path.unshift('facts');
  let where = 'top level';
  let kind = Array.isArray(json) ? 'facts' : 'file';
  let field: string | undefined;
  let item = false;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as string;
    const value = isObject(node) ? node[key] : undefined;
    const next = path[i + 1];
    const at = where === 'top level' ? '' : `${where} `;
    const container = KIND[key];
    if (container && Array.isArray(value) && next !== undefined) {
      // An element of facts, themes or figures: its place, and its id if it has one.
      const element: unknown = value[Number(next)];
      const id = isObject(element) ? element.id : undefined;
      where = `${at}${key}[${next}]${typeof id === 'string' ? ` (id "${printable(id)}")` : ''}`;
      kind = container;
      node = element;
      i++;
    } else if (container && !Array.isArray(value) && (isObject(value) || error.params.type === 'object')) {
      where = `${at}${key}`; // meta, rank
      kind = container;
      node = value;
    } else {
      field = key;
      // An item of a list of words (tags/2) is reported on the list.
      item = next !== undefined;
      break;
    }
  }
  return `${where}: ${what(error, field, kind, item)}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function what(error: ErrorObject, field: string | undefined, kind: string, item: boolean): string {
  const name = (f: string) => `field "${printable(f)}"`;
  const subject = field === undefined ? '' : `${name(field)} `;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${name(String(p.missingProperty))} is missing`;
    case 'additionalProperties': {
      const known = keysOf(kind);
      const key = String(p.additionalProperty);
      // Suggestions cost time quadratic in the name's length: only for names a person would type.
      return `${name(key)} is not part of the facts format${key.length <= 40 ? didYouMean(key, known) : ''}`;
    }
    case 'type': {
      const types = ([] as unknown[]).concat(p.type).map(String);
      if (field === undefined && kind === 'file') return 'must be an object or an array of facts';
      if (item) return `${subject}must be an array of strings`;
      return `${subject}must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`;
    }
    case 'pattern':
      return item ? `${subject}must be an array of non-empty strings` : `${subject}must be a non-empty string`;
    case 'minimum':
      return `${subject}must be at least ${String(p.limit)}`;
    default:
      return `${subject}is not valid (${error.keyword})`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  array: 'an array',
  object: 'an object',
  null: 'null',
};
