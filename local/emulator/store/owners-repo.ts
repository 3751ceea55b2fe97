// Owners (users who can own records), as /crm/v3/owners/ returns them.
import type { Db } from './db.ts';

export interface OwnerTeam { id: string; name: string; primary: boolean }
export interface Owner {
  id: string; email: string; firstName: string; lastName: string; userId: number; userIdIncludingInactive: number;
  type: 'PERSON'; createdAt: string; updatedAt: string; archived: boolean; teams: OwnerTeam[];
}

export class OwnersRepo {
  private ids: Set<string> | null = null;
  constructor(private readonly db: Db) {}

  has(id: string): boolean {
    this.ids ??= new Set((this.db.prepare('SELECT id FROM owners').pluck().all() as number[]).map(String));
    return this.ids.has(id);
  }

  count(): number { return this.db.prepare('SELECT count(*) FROM owners').pluck().get() as number; }

  put(owners: readonly Owner[]): void {
    const stmt = this.db.prepare('INSERT OR REPLACE INTO owners (id, email, data) VALUES (?, ?, ?)');
    this.db.transaction(() => { for (const o of owners) stmt.run(Number(o.id), o.email.toLowerCase(), JSON.stringify(o)); })();
    this.ids = null;
  }

  list(opts: { email?: string; after?: number; limit: number; archived: boolean }): { owners: Owner[]; more: boolean } {
    const rows = (this.db.prepare('SELECT data FROM owners WHERE id > ? AND (? IS NULL OR email = ?) ORDER BY id').pluck()
      .all(opts.after ?? 0, opts.email?.toLowerCase() ?? null, opts.email?.toLowerCase() ?? null) as string[])
      .map((r) => JSON.parse(r) as Owner)
      .filter((o) => o.archived === opts.archived);
    return { owners: rows.slice(0, opts.limit), more: rows.length > opts.limit };
  }

  get(id: string, by: 'id' | 'userId' = 'id'): Owner | undefined {
    const all = (this.db.prepare('SELECT data FROM owners').pluck().all() as string[]).map((r) => JSON.parse(r) as Owner);
    return all.find((o) => (by === 'id' ? o.id === id : String(o.userId) === id));
  }
}
