// Writes that return their row. Outside a transaction they run with .all(), never .get(): .get() stops at the first
// row, before SQLite's automatic commit, and the commit's error (a full disk: SQLITE_FULL) is then lost, so the row
// comes back although nothing was saved. .all() steps to the end, where the commit happens and its error is thrown.

/** The one row an INSERT/UPDATE … RETURNING committed. */
export function writtenRow<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('the write returned no row');
  return row;
}
