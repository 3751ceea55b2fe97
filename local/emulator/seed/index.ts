// Seeding entry points: owners always (they are account setup), CRM records only when asked and the db is empty.
import { join } from 'node:path';
import type { EmulatorStore } from '../store/emulator-store.ts';
import { generate, type GeneratedCounts } from './generate.ts';
import type { ScoringVersions } from './history.ts';
import { buildOwners, readConfigOwners } from './owners.ts';
import type { Owner } from '../store/owners-repo.ts';

export interface SeedOptions {
  seed?: number; contacts?: number; now?: number; ownersConfig?: string;
  /** The rule versions the seeded first decisions carry (the sandbox passes its current one). */
  scoringVersions?: ScoringVersions;
}

const DAY = 86_400_000;

export function seedOwners(store: EmulatorStore, ownersConfig = join(process.cwd(), 'config', 'team.json')): void {
  if (store.owners.count() > 0) return;
  const owners = buildOwners(readConfigOwners(ownersConfig), '2024-01-15T09:00:00.000Z');
  store.owners.put(owners);
  seedUsers(store, owners);
}

/** Owner ids the seeded users object marks out of office (the second EMEA rep, when present). */
export const SEEDED_OUT_OF_OFFICE = ['105'];

/** One users-object record per owner (account setup, like owners), with the out-of-office properties the emulator offers. */
function seedUsers(store: EmulatorStore, owners: readonly Owner[]): void {
  if (store.count('users') > 0) return;
  for (const o of owners) {
    const away = SEEDED_OUT_OF_OFFICE.includes(o.id);
    store.objects.create('users', {
      hs_email: o.email, hs_given_name: o.firstName, hs_family_name: o.lastName, hs_internal_user_id: String(o.userId),
      hs_out_of_office: String(away), hs_availability_status: away ? 'away' : 'available',
    }, { sourceType: 'CRM_UI', allowReadOnly: true, recordHistory: false, at: Date.parse(o.createdAt) });
  }
}

/** Seeds `contacts` contacts (with companies and deals) in one transaction. `now` defaults to today 00:00 UTC. */
export function seedStore(store: EmulatorStore, opts: SeedOptions = {}): GeneratedCounts {
  seedOwners(store, opts.ownersConfig);
  const ownerIds = store.owners.list({ limit: 1000, archived: false }).owners.map((o) => o.id);
  const now = opts.now ?? Math.floor(Date.now() / DAY) * DAY;
  return store.transaction(() => {
    const counts = generate(store, { seed: opts.seed ?? 1, contacts: opts.contacts ?? 0, now, ownerIds, ...(opts.scoringVersions ? { scoringVersions: opts.scoringVersions } : {}) });
    store.objects.invalidateValueIndex(); // seeded rows skipped the value index: each property is indexed on first search
    return counts;
  });
}

export function seedIfEmpty(store: EmulatorStore, opts: SeedOptions = {}): GeneratedCounts | null {
  seedOwners(store, opts.ownersConfig);
  if (!opts.contacts || !store.isEmpty()) return null;
  return seedStore(store, opts);
}
