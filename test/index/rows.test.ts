// Rows (src/index/rows.ts) writes many rows to an INSERT statement: every
// row must land, in the order added, whatever the count.
import { describe, expect, it } from 'vitest';
import { Rows } from '../../src/index/rows.js';
import { sqlite } from '../../src/index/sqlite.js';
import { HAS_SQLITE, SKIP_REASON } from './sqlite.js';

describe.skipIf(!HAS_SQLITE)('rows written many to a statement', () => {
  it.each([0, 1, 3, 4, 7, 8, 9, 50])('%i rows, four to a statement: all of them, in order, with their values', (count) => {
    const db = new (sqlite() as NonNullable<ReturnType<typeof sqlite>>).DatabaseSync(':memory:');
    try {
      db.exec('CREATE TABLE t (a INTEGER, b TEXT, c BLOB, d INTEGER)');
      const rows = new Rows(db, 't', ['a', 'b', 'c', 'd'], 4);
      const want = Array.from({ length: count }, (_, i) => ({ a: i, b: `row ${i}`, c: new Uint8Array([i, 255 - i]), d: i % 2 ? null : 1000 - i }));
      for (const r of want) rows.add(r.a, r.b, r.c, r.d);
      rows.flush();
      const got = db.prepare('SELECT rowid, a, b, c, d FROM t ORDER BY rowid').all();
      expect(got.map(({ rowid, ...r }) => [Number(rowid), { ...r, c: new Uint8Array(r.c as Uint8Array) }])).toEqual(want.map((r, i) => [i + 1, r]));
    } finally {
      db.close();
    }
  });
});

if (!HAS_SQLITE) describe('rows written many to a statement', () => it.skip(SKIP_REASON, () => {}));
