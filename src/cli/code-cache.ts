// Where V8's code cache for the CLI bundle may live: a directory of the
// user's own. A cache entry is code that V8 runs without compiling it from
// the source, and V8 checks little more than the source's length, so a
// directory another user can write is a way to run their code in our
// process. That is why Node's default compile cache ($TMPDIR/node-compile-cache)
// is not used, and why this directory and every directory above it are
// checked before use.
import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { cacheRoot, isPrivate, safeAncestors } from './private-dir.js';

/**
 * `$XDG_CACHE_HOME/chongqing-facts` (else `~/.cache/chongqing-facts`),
 * created with mode 0700; undefined when it cannot be had safely, or when
 * CHONGQING_FACTS_CODE_CACHE=0. No cache only costs start-up time.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHONGQING_FACTS_CODE_CACHE === '0' || process.platform === 'win32') return undefined;
  try {
    const dir = cacheRoot(env);
    if (dir === undefined) return undefined;
    // Made when missing only: mkdir (recursive) costs more than the lstat that finds it.
    if (!exists(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
    return isPrivate(dir) && safeAncestors(realpathSync.native(dir)) ? dir : undefined;
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export { isPrivate, safeAncestors };

export function readEntry(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Written beside, then renamed: an interrupted write never leaves half an
 * entry. 'wx' (O_CREAT|O_EXCL): a link or file already at the name is never
 * followed or reused.
 */
export function writeEntry(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    // A name someone planted is left alone; only what we created is removed.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was written.
    }
  }
}
