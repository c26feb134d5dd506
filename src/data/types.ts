// The facts file format, as TypeScript derives it from the JSON Schema
// (data/facts.schema.json, turned into a constant by `npm run facts:build`).
// The schema is the one source: change it, not these types.
import type { FromSchema } from 'json-schema-to-ts';
import type { factsSchema } from './generated/facts-schema.js';

type Defs = typeof factsSchema.$defs;
/** The type of one of the schema's definitions, its $refs resolved. */
type Def<K extends keyof Defs> = FromSchema<{ $ref: `#/$defs/${K}`; $defs: Defs }>;

/** A facts file as written: an object with `facts` (meta and themes optional) or a bare array of facts. */
export type FactsFileInput = FromSchema<typeof factsSchema, { parseIfThenElseKeywords: true }>;

export type Figure = Def<'figure'>;
export type Rank = Def<'rank'>;
export type Fact = Def<'fact'>;

/** meta once loaded: the title defaults to the file's name; publisher and article may be absent. */
export type Meta = Def<'meta'> & { title: string };

/** A theme once loaded: a zone left out is null. */
export type Theme = Omit<Def<'theme'>, 'zone'> & { zone: string | null };

/** A facts file once loaded: whatever was left out is filled in (see src/data/shape.ts). */
export interface FactsFile {
  meta: Meta;
  themes: Theme[];
  facts: Fact[];
}

/** A theme with how many facts it has, as `themes` reports it. */
export interface ThemeSummary extends Theme {
  facts: number;
}
