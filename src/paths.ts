// Where the package's own files are. This module sits one folder below the
// package root, and so does every bundle in dist/, so the folder above
// "this module's folder" serves both. In the bundles (CommonJS) and under
// vitest that folder is __dirname: a path join, where building a file URL
// from __filename and parsing it back cost every start about a millisecond.
// A plain ES module (scripts/import-ts.mjs) has no __dirname and uses its URL.
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = typeof __dirname === 'string' ? dirname(__dirname) : fileURLToPath(new URL('../', import.meta.url));

/**
 * An absolute path inside the installed package, e.g. packagePath('data/facts.json'):
 * `relative` is one of our own literals, names joined by slashes (no "." or
 * ".." parts). On POSIX the root (absolute and normalised, as __dirname is)
 * and such a path joined by a slash are what join() gives; join() itself, at
 * the bundle's top level, cost a lookup on Node 24 1.7 million instructions
 * (callgrind; 0.2 on Node 22), some 7% of what a search adds to a bare start.
 */
export const packagePath = (relative: string): string => (sep === '/' ? `${ROOT === '/' ? '' : ROOT}/${relative}` : join(ROOT, relative));
