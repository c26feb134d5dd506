// Rows written to one table of the index, many to an INSERT statement: at a
// million facts, running a prepared statement costs more than the values of
// its row (one row a statement: 3.0 s for a million facts' rows; fifty: 1.3 s).
import type { Database, SqlValue, Statement } from './sqlite.js';

/** Rows a statement: enough that a statement's cost is spread thin; SQLite takes up to 32,766 values. */
export const ROWS_PER_INSERT = 50;

export class Rows {
  private readonly many: Statement;
  private readonly one: Statement;
  private readonly values: SqlValue[] = [];
  private readonly width: number;

  constructor(
    db: Database,
    table: string,
    columns: readonly string[],
    private readonly per = ROWS_PER_INSERT,
  ) {
    this.width = columns.length;
    const row = `(${columns.map(() => '?').join(', ')})`;
    const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(insert + Array<string>(per).fill(row).join(', '));
    this.one = db.prepare(insert + row);
  }

  /** One row, its values in the columns' order; written with others, in the order added. */
  add(...row: SqlValue[]): void {
    for (const v of row) this.values.push(v);
    if (this.values.length === this.per * this.width) {
      this.many.run(...this.values);
      this.values.length = 0;
    }
  }

  /** Writes the rows still held: before the table is read. */
  flush(): void {
    for (let at = 0; at < this.values.length; at += this.width) this.one.run(...this.values.slice(at, at + this.width));
    this.values.length = 0;
  }
}
