// npm run facts:build [-- --check]: writes what the data layer derives from
// its sources, or with --check only says what is stale (exit 1).
//
//   data/facts.schema.json  -> src/data/generated/facts-schema.ts   the schema as a TS constant (types come from it)
//                           -> src/data/generated/validate-facts.js  Ajv's standalone validator (and its .d.ts)
//   data/src/facts.authoring.json + the article -> data/facts.json  (src/data/authoring.ts)
//
// The outputs are checked in, so that start-up never compiles a schema and
// a fresh clone type-checks; test/data/generated.test.ts and the build fail
// when one is stale.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importTs } from './import-ts.mjs';

const root = new URL('..', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

export const SCHEMA = 'data/facts.schema.json';
export const AUTHORING = 'data/src/facts.authoring.json';

/** Every generated file: its path (from the package root) and what it must hold. */
export async function outputs() {
  const schema = JSON.parse(read(SCHEMA));
  const validator = validatorCode(schema);
  return [
    { path: 'src/data/generated/facts-schema.ts', text: schemaModule(schema) },
    { path: 'src/data/generated/validate-facts.js', text: validator },
    { path: 'src/data/generated/validate-facts.d.ts', text: VALIDATOR_TYPES },
    ...(await factsOutputs()),
  ];
}

const GENERATED = (what) => `// Generated from ${SCHEMA} by \`npm run facts:build\`; do not edit. ${what}\n`;

function schemaModule(schema) {
  return `${GENERATED('The schema as a constant, for the types in src/data/types.ts.')}export const factsSchema = ${JSON.stringify(schema, null, 2)} as const;\n`;
}

/**
 * Ajv's standalone code for the schema, with two changes that do not change
 * what it accepts as a shape:
 * - annotations (description, title) are left out: they validate nothing and
 *   would be embedded as text that every start-up parses;
 * - the slug's kebab-case pattern (ids, theme ids) becomes the text's "not
 *   blank": kebab-case is left to src/data/checks.ts, which reports every bad
 *   id at once for verify and shows it escaped.
 * allErrors stays off: it stops at the first error, so a hostile file with
 * many errors costs linear time (Ajv's allErrors concatenates error lists).
 */
export function validatorCode(schema) {
  const forCode = stripAnnotations(schema);
  const { slug, text } = forCode.$defs ?? {};
  if (typeof slug?.pattern !== 'string' || typeof text?.pattern !== 'string') {
    throw new Error(`${SCHEMA}: $defs.slug.pattern or $defs.text.pattern is gone; review validatorCode()`);
  }
  slug.pattern = text.pattern;
  // Patterns without the u flag: \S needs none, and plain ones start faster.
  const ajv = new Ajv2020({ code: { source: true, esm: true, lines: true }, allErrors: false, messages: false, unicodeRegExp: false, strict: true });
  const code = standaloneCode(ajv, ajv.compile(forCode));
  // Start-up must not load Ajv: the code may not require or import anything.
  if (/\brequire\(|^import\s/m.test(code)) throw new Error('the standalone validator needs an Ajv runtime module; keep the schema to keywords that need none');
  return `${GENERATED('Ajv standalone code (scripts/facts-build.mjs says how).')}${code}\n`;
}

const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples']);

/** A copy of the schema without annotation keywords; `properties` and `$defs` keys are names, kept. */
export function stripAnnotations(node) {
  if (Array.isArray(node)) return node.map(stripAnnotations);
  if (typeof node !== 'object' || node === null) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    out[key] =
      key === 'properties' || key === '$defs'
        ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, stripAnnotations(s)]))
        : stripAnnotations(value);
  }
  return out;
}

const VALIDATOR_TYPES = `${GENERATED('Types of validate-facts.js.')}import type { ErrorObject } from 'ajv';
import type { FactsFileInput } from '../types.js';

/** Ajv's validator: true for a well-shaped facts file; else \`errors\` holds the first error. */
export interface FactsValidator {
  (data: unknown): data is FactsFileInput;
  errors?: ErrorObject[] | null;
}
export declare const validate: FactsValidator;
export default validate;
`;

export const UNITS = 'data/src/units.json';

/** data/facts.json from the authoring form; a problem (every one listed) stops the build. */
async function factsOutputs() {
  const { buildFacts, factsJson } = await importTs("export { buildFacts, factsJson } from './src/data/authoring.ts';");
  const authoring = JSON.parse(read(AUTHORING));
  const article = read(`data/${authoring.meta?.article}`);
  const data = buildFacts(authoring, article, JSON.parse(read(UNITS)), AUTHORING);
  return [{ path: 'data/facts.json', text: factsJson(data) }];
}

/** Paths whose generated text differs from the file's, with every output. */
export async function stale() {
  const all = await outputs();
  return { all, stale: all.filter(({ path, text }) => readOrNone(path) !== text).map((o) => o.path) };
}

function readOrNone(path) {
  try {
    return read(path);
  } catch {
    return undefined;
  }
}

async function main() {
  const check = process.argv.includes('--check');
  let result;
  try {
    result = await stale();
  } catch (err) {
    // A mistake in the authoring form: its problems, one a line, no stack.
    console.error(err.problems || err.exitCode ? err.message : err);
    process.exit(1);
  }
  if (check) {
    if (result.stale.length) {
      console.error(`stale, run npm run facts:build: ${result.stale.join(', ')}`);
      process.exit(1);
    }
    return;
  }
  for (const { path, text } of result.all) if (result.stale.includes(path)) writeFileSync(new URL(path, root), text);
  console.log(result.stale.length ? `wrote ${result.stale.join(', ')}` : 'facts:build: everything up to date');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
