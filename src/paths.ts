// Where the package's own files are. This module sits one folder below the
// package root, and so does every bundle in dist/ (the build defines
// import.meta.url as the bundle's own file), so one relative URL serves both.
// Every other module asks here rather than counting '../' from where it sits.
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);

/** An absolute path inside the installed package, e.g. packagePath('data/facts.json'). */
export const packagePath = (relative: string): string => fileURLToPath(new URL(relative, ROOT));
