// The built binary and the Node that runs it; .ci/run sets CQF_NODE to try
// Node 22 and 24 too.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/chongqing-facts.cjs', import.meta.url));
export const NODE = process.env.CQF_NODE ?? process.execPath;
export const VERSION = execFileSync(NODE, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
export const MAJOR = Number(VERSION.slice(1).split('.')[0]);
