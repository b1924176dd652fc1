// The batched-insert SQL builders.
import { describe, expect, it } from 'vitest';
import { multiRowInsertSql, toColumns, unnestInsertSql } from './bulk-insert.js';

describe('bulk insert SQL', () => {
  it('builds a multi-row SQLite insert', () => {
    expect(multiRowInsertSql('t', ['a', 'b'], 2, 'ON CONFLICT DO NOTHING')).toBe('INSERT INTO t (a, b) VALUES (?, ?), (?, ?) ON CONFLICT DO NOTHING');
  });

  it('builds an unnest insert whose text does not depend on the batch size', () => {
    expect(unnestInsertSql('t', [['a', 'text'], ['b', 'int4']])).toBe('INSERT INTO t (a, b) SELECT * FROM unnest($1::text[], $2::int4[])');
  });

  it('transposes rows into columns', () => {
    expect(toColumns([['x', 1], ['y', null]], 2)).toEqual([['x', 'y'], [1, null]]);
    expect(toColumns([], 2)).toEqual([[], []]);
  });
});
