// Whether a directory is the user's own and safe to keep a cache in: the code
// cache (code-cache.ts) and the on-disk indexes of big facts files
// (src/index/place.ts) both live in one. No node:os here: a lookup that never
// needs a cache does not load it.
import { lstatSync } from 'node:fs';
import { dirname } from 'node:path';

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
