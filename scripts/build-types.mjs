// The Node API's type declarations, for dist/: tsc's declarations of
// src/api/index.ts and of the modules its types reach, nothing else. The fact
// types are derived from the JSON Schema by json-schema-to-ts (a
// devDependency a user does not have), so they are written out here as the
// plain object types they resolve to. ESM declarations go to dist/types/,
// the same as CommonJS ones to dist/types-cjs/ (a package.json there says
// so), for package.json's "import" and "require" conditions.
import ts from 'typescript';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(root, 'src/api/index.ts');
const TYPES = join(root, 'src/data/types.ts');

export function buildTypes(outDir = join(root, 'dist/types'), cjsDir = join(root, 'dist/types-cjs')) {
  const options = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
    rootDir: join(root, 'src'),
    outDir: join(root, 'dist/types.tmp'),
  };
  const program = ts.createProgram([ENTRY], options);
  const problems = ts.getPreEmitDiagnostics(program);
  if (problems.length) throw new Error(ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  const files = new Map();
  const result = program.emit(undefined, (file, text) => files.set(resolve(file), text));
  if (result.emitSkipped) throw new Error('tsc emitted no declarations');
  files.set(resolve(options.outDir, 'data/types.d.ts'), expandedFactTypes(program));

  // Only what the entry's declarations reach: the rest is the CLI's, and would
  // import packages a user does not have (fuse.js, commander).
  const keep = new Set();
  const visit = (file) => {
    if (keep.has(file)) return;
    const text = files.get(file);
    if (text === undefined) throw new Error(`the API's types reach ${relative(root, file)}, which tsc did not emit`);
    keep.add(file);
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (!spec.startsWith('.')) throw new Error(`the API's types import '${spec}' (in ${relative(options.outDir, file)}), which a user need not have`);
      visit(resolve(dirname(file), spec.replace(/\.js$/, '.d.ts')));
    }
  };
  visit(resolve(options.outDir, 'api/index.d.ts'));
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cjsDir, { recursive: true, force: true });
  for (const file of keep) {
    const target = join(outDir, relative(options.outDir, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, files.get(file));
  }
  cpSync(outDir, cjsDir, { recursive: true });
  writeFileSync(join(cjsDir, 'package.json'), '{ "type": "commonjs" }\n');
  return [...keep].map((f) => relative(options.outDir, f)).sort();
}

/** A node the checker built, printed one member a line (it marks them single-line). */
function multiline(node) {
  ts.setEmitFlags(node, ts.EmitFlags.None);
  ts.forEachChild(node, multiline);
  return node;
}

/**
 * src/data/types.ts with each type derived from the schema written out as the
 * object type it resolves to; interfaces, which name those types, as written.
 */
function expandedFactTypes(program) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(TYPES);
  const flags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.IgnoreErrors;
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const out = ['// The facts file format, derived from data/facts.schema.json at build time (scripts/build-types.mjs).', ''];
  for (const node of source.statements) {
    const exported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const doc = ts.getJSDocCommentsAndTags(node).map((d) => d.getText(source)).join('\n');
    if (doc) out.push(doc);
    if (ts.isTypeAliasDeclaration(node)) {
      const type = checker.typeToTypeNode(checker.getTypeAtLocation(node.name), undefined, flags);
      const text = type ? printer.printNode(ts.EmitHint.Unspecified, multiline(type), source) : 'any';
      if (/FromSchema|\$defs|\bany\b/.test(text)) throw new Error(`${node.name.text} did not resolve to a plain type: ${text.slice(0, 200)}`);
      out.push(`export type ${node.name.text} = ${text};`);
    } else if (ts.isInterfaceDeclaration(node)) {
      out.push(node.getText(source));
    } else {
      throw new Error(`src/data/types.ts: no rule for a ${ts.SyntaxKind[node.kind]}`);
    }
    out.push('');
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(buildTypes().join('\n'));
}
