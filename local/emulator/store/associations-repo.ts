// Associations, stored once per direction so either side lists in one indexed read.
import { fail, ok, type Result } from '../errors.ts';
import type { Db } from './db.ts';
import { associationType, defaultAssociationType, primaryAssociationType, type ObjectType } from './object-types.ts';

export interface AssociationLink { toId: number; typeIds: number[] }

export class AssociationsRepo {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      add: db.prepare('INSERT OR IGNORE INTO assoc (from_id, to_type, to_id, type_id) VALUES (?, ?, ?, ?)'),
      remove: db.prepare('DELETE FROM assoc WHERE from_id = ? AND to_type = ? AND to_id = ?'),
      list: db.prepare('SELECT to_id, type_id FROM assoc WHERE from_id = ? AND to_type = ? AND to_id > ? ORDER BY to_id, type_id'),
      hasAny: db.prepare('SELECT 1 FROM assoc WHERE from_id = ? AND to_type = ? LIMIT 1').pluck(),
    };
  }

  /** Adds one typed association and its inverse. */
  add(from: ObjectType, fromId: number, to: ObjectType, toId: number, typeId: number): Result<true> {
    const def = associationType(typeId);
    if (!def || def.from !== from || def.to !== to) {
      return fail(400, 'VALIDATION_ERROR', `${typeId} is not a valid association type from ${from} to ${to}.`);
    }
    this.stmts.add.run(fromId, to, toId, def.id);
    this.stmts.add.run(toId, from, fromId, def.inverse);
    return ok(true);
  }

  /** The unlabeled association, plus the primary one when this is the first (contact→company, deal→company). */
  addDefault(from: ObjectType, fromId: number, to: ObjectType, toId: number): Result<number[]> {
    const def = defaultAssociationType(from, to);
    if (!def) return fail(400, 'VALIDATION_ERROR', `There is no default association type from ${from} to ${to}.`);
    const ids = [def.id];
    const primary = primaryAssociationType(from, to);
    if (primary && !this.stmts.hasAny.get(fromId, to)) ids.push(primary.id);
    for (const id of ids) this.add(from, fromId, to, toId, id);
    return ok(ids);
  }

  remove(from: ObjectType, fromId: number, to: ObjectType, toId: number): void {
    this.stmts.remove.run(fromId, to, toId);
    this.stmts.remove.run(toId, from, fromId);
  }

  /** Links grouped by target id, in id order, starting after `afterId`. */
  list(fromId: number, to: ObjectType, afterId = 0, limit = 500): { links: AssociationLink[]; more: boolean } {
    const rows = this.stmts.list.all(fromId, to, afterId) as { to_id: number; type_id: number }[];
    const links: AssociationLink[] = [];
    for (const r of rows) {
      const last = links[links.length - 1];
      if (last && last.toId === r.to_id) last.typeIds.push(r.type_id);
      else if (links.length === limit) return { links, more: true };
      else links.push({ toId: r.to_id, typeIds: [r.type_id] });
    }
    return { links, more: false };
  }

  addMany(rows: readonly [number, ObjectType, number, number][]): void {
    for (const [fromId, to, toId, typeId] of rows) this.stmts.add.run(fromId, to, toId, typeId);
  }
}
