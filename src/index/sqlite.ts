// node:sqlite, loaded only for a big facts file (never for the bundled facts:
// a test checks), and only where the running Node has it: 22.13 and later,
// 24. Node 22 prints an ExperimentalWarning when the module loads; that one
// warning, ours, is not shown to users. Any other warning passes through.
// @types/node 20 does not know the module: the little we use is declared here.

export type SqlValue = null | number | bigint | string | Uint8Array;

export interface Statement {
  run(...params: SqlValue[]): unknown;
  get(...params: SqlValue[]): Record<string, SqlValue> | undefined;
  all(...params: SqlValue[]): Record<string, SqlValue>[];
  iterate(...params: SqlValue[]): IterableIterator<Record<string, SqlValue>>;
}

export interface Database {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  close(): void;
  function(name: string, options: { deterministic?: boolean }, fn: (...args: SqlValue[]) => SqlValue): void;
}

export interface SqliteModule {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean; open?: boolean }) => Database;
}

let loaded: SqliteModule | null | undefined;

/** node:sqlite, or undefined on a Node without it (Node 20; 22 before 22.13 without --experimental-sqlite). */
export function sqlite(): SqliteModule | undefined {
  if (loaded === undefined) loaded = load();
  return loaded ?? undefined;
}

function load(): SqliteModule | null {
  // For tests and people who want the in-memory path on any Node.
  if (process.env.CHONGQING_FACTS_SQLITE === '0') return null;
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (!getBuiltin) return null;
  // Put back exactly as it was (and called with process as `this` meanwhile).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const emit = process.emitWarning;
  // Only while the module loads: its own experimental warning is dropped.
  process.emitWarning = function (this: unknown, ...args: Parameters<typeof process.emitWarning>) {
    const [warning, options] = args;
    const text = warning instanceof Error ? warning.message : warning;
    const type = typeof options === 'string' ? options : warning instanceof Error ? warning.name : options?.type;
    if (type === 'ExperimentalWarning' && /SQLite/i.test(text)) return;
    emit.apply(process, args);
  } as typeof process.emitWarning;
  try {
    const mod = getBuiltin.call(process, 'node:sqlite') as SqliteModule | undefined;
    return mod && typeof mod.DatabaseSync === 'function' ? mod : null;
  } catch {
    return null;
  } finally {
    process.emitWarning = emit;
  }
}

/** Why a big file is searched in memory here: the note a person sees on stderr. */
export const noSqliteNote = (): string =>
  `note: this Node (${process.version}) has no node:sqlite, so a big facts file is read and indexed in memory at every lookup, which is slow; ` +
  'Node 22.13 or later builds an on-disk index once';
