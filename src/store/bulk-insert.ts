/**
 * SQL for batched inserts, the store's hot path (results now, the gateway's
 * cost ledger later). Each dialect gets the shape that is fastest for it.
 */

/**
 * SQLite: one INSERT of `rows` rows with `?` placeholders. Binding many rows
 * per statement saves a native call and a VM restart per row.
 *
 * @example
 * multiRowInsertSql('ledger', ['key_id', 'cost_usd'], 2) // INSERT INTO ledger (key_id, cost_usd) VALUES (?, ?), (?, ?)
 */
export function multiRowInsertSql(table: string, columns: readonly string[], rows: number, suffix = ''): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const values = Array.from({ length: rows }, () => row).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}${suffix ? ` ${suffix}` : ''}`;
}

/**
 * PostgreSQL: insert from one array parameter per column (`unnest($1::text[], $2::int4[], ...)`).
 * The text is the same for every batch size, so it is prepared once per
 * connection, and a batch is not limited by the 65,535-parameter ceiling.
 * Pass the values through {@link toColumns}.
 */
export function unnestInsertSql(table: string, columns: readonly (readonly [name: string, type: string])[], suffix = ''): string {
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})${suffix ? ` ${suffix}` : ''}`;
}

/** Transpose row tuples into one array per column, for {@link unnestInsertSql}. */
export function toColumns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) (columns[c] as unknown[])[r] = row[c];
  });
  return columns;
}
