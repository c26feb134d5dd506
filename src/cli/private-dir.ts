// Whether a directory is the user's own and safe to keep a cache in: the code
// cache (code-cache.ts) and the on-disk indexes of big facts files
// (src/index/place.ts) both live in one. No node:os here: a lookup that never
// needs a cache does not load it.
import { lstatSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

const uid = () => process.getuid?.() ?? -1;

/** A real directory (not a link), ours, that no one else may enter or write. */
export function isPrivate(dir: string): boolean {
  const st = lstatSync(dir);
  return st.isDirectory() && st.uid === uid() && (st.mode & 0o077) === 0;
}

/**
 * No directory above ours may let others replace what is below it: each
 * (of the real path, up to /) is ours or root's, and not writable by group
 * or others unless sticky (as /tmp is). A few lstat calls.
 */
export function safeAncestors(real: string): boolean {
  for (let dir = dirname(real); ; dir = dirname(dir)) {
    if (!isSafeParent(dir)) return false;
    if (dirname(dir) === dir) return true;
  }
}

function isSafeParent(dir: string): boolean {
  const st = lstatSync(dir);
  if (!st.isDirectory() || (st.uid !== uid() && st.uid !== 0)) return false;
  return (st.mode & 0o022) === 0 || (st.mode & 0o1000) !== 0;
}

/**
 * `$XDG_CACHE_HOME/chongqing-facts`, else `$HOME/.cache/chongqing-facts`
 * (not yet made or checked): the code cache and the indexes both live below
 * it. Only an absolute path counts, so that a relative HOME or
 * XDG_CACHE_HOME never puts a cache in the working directory.
 */
export function cacheRoot(env: NodeJS.ProcessEnv): string | undefined {
  const home = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? undefined : homeDir(env);
  const base = home === undefined ? env.XDG_CACHE_HOME : join(home, '.cache');
  return base === undefined || !isAbsolute(base) ? undefined : join(base, 'chongqing-facts');
}

/**
 * $HOME, as os.homedir() gives it first; else os.homedir() (the password
 * database), where this Node can load node:os without import: loading it
 * costs a lookup a third of a millisecond, when HOME is nearly always set.
 */
function homeDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.HOME && isAbsolute(env.HOME)) return env.HOME;
  // Node 20.16 and later; on an older one, no home without HOME, so no cache.
  const os = (process.getBuiltinModule as typeof process.getBuiltinModule | undefined)?.('node:os');
  return os?.homedir();
}
