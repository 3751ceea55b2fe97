// SQLite schema: one JSON document per object, a property-history table, an index table of
// property values (so search and idProperty look-ups never scan JSON), associations, owners.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS objects (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  props TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  archived_at INTEGER,
  source TEXT NOT NULL DEFAULT 'INTEGRATION'
);
CREATE INDEX IF NOT EXISTS objects_by_type ON objects(type, archived, id);
-- v: the value lower-cased (string search, EQ, IN, tokens); n: the numeric value of number/datetime/bool properties.
CREATE TABLE IF NOT EXISTS pidx (
  id INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  v TEXT NOT NULL,
  n REAL,
  PRIMARY KEY (id, name)
) WITHOUT ROWID;
-- (type, name) pairs whose pidx rows are complete; others are indexed on first search (after a bulk seed).
CREATE TABLE IF NOT EXISTS pidx_ready (type TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (type, name)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS history (
  seq INTEGER PRIMARY KEY,
  id INTEGER NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  ts INTEGER NOT NULL,
  source_type TEXT NOT NULL,
  source_id TEXT
);
CREATE INDEX IF NOT EXISTS history_by_object ON history(id, name, ts);
CREATE TABLE IF NOT EXISTS assoc (
  from_id INTEGER NOT NULL,
  to_type TEXT NOT NULL,
  to_id INTEGER NOT NULL,
  type_id INTEGER NOT NULL,
  PRIMARY KEY (from_id, to_type, to_id, type_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS properties (
  object_type TEXT NOT NULL,
  name TEXT NOT NULL,
  def TEXT NOT NULL,
  PRIMARY KEY (object_type, name)
);
CREATE TABLE IF NOT EXISTS property_groups (
  object_type TEXT NOT NULL,
  name TEXT NOT NULL,
  def TEXT NOT NULL,
  PRIMARY KEY (object_type, name)
);
CREATE TABLE IF NOT EXISTS owners (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  data TEXT NOT NULL
);
`;

const PIDX_INDEXES = `
CREATE INDEX IF NOT EXISTS pidx_v ON pidx(type, name, v);
CREATE INDEX IF NOT EXISTS pidx_n ON pidx(type, name, n) WHERE n IS NOT NULL;
`;

export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  db.exec(SCHEMA);
  db.exec(PIDX_INDEXES);
  return db;
}
