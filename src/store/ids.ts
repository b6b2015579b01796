// Ids of items and findings as stored (issue 15, schema 12): a 64-hex SHA-256 id is kept as its 32
// bytes (a BLOB in the same TEXT column; half the size in the row and again in its index), rows
// written before keep the 64 hex characters. A finding refers to its item, a review to its
// finding, as the referenced row stores its id, so SQL joins and foreign keys compare like with
// like. Everything outside the store (CLI output, export, report, custody, row hashes) sees hex.

const HEX_ID = /^[0-9a-f]{64}$/;

/** A stored id as text: a BLOB id as its lower-case hex, a text id as it is. */
export function hexId(value: unknown): string {
  return Buffer.isBuffer(value) ? value.toString('hex') : String(value);
}

/** How a new row stores `id` at `schemaVersion`: its 32 bytes since schema 12 when it is a SHA-256 hex id. */
export function storedId(id: string, schemaVersion: number): string | Buffer {
  return schemaVersion >= 12 && HEX_ID.test(id) ? Buffer.from(id, 'hex') : id;
}

/**
 * SQL that matches the id column `column` against a hex id in either stored form; bind the hex id
 * twice (idArgs). Both are equality probes of the same index.
 */
export const byId = (column: string): string => `${column} IN (?, unhex(?))`;

/** The two bindings of byId for `id`. */
export const idArgs = (id: string): [string, string] => [id, id];

/**
 * SQL that matches the id column `column` against a hex prefix of at least one character in
 * either stored form (text ids by LIKE, BLOB ids by their byte range); bind prefixArgs.
 */
export const byIdPrefix = (column: string): string => `((typeof(${column}) = 'text' AND ${column} LIKE ? || '%') OR (${column} >= ? AND ${column} <= ?))`;

/** The three bindings of byIdPrefix for the (lower-case hex) `prefix`. */
export function prefixArgs(prefix: string): [string, Buffer, Buffer] {
  const p = /^[0-9a-f]{1,64}$/.test(prefix) ? prefix : '';
  // a prefix that is no hex matches no BLOB id: an empty range (lo > hi)
  if (!p) return [prefix, Buffer.from([0xff]), Buffer.alloc(0)];
  return [prefix, Buffer.from(p.padEnd(64, '0'), 'hex'), Buffer.from(p.padEnd(64, 'f'), 'hex')];
}
