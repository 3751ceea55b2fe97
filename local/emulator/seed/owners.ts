// Seed owners: read from config/team.json (`owners`, or a legacy `routing.owners`) when it has them,
// else a default list with the same ids (101–108) and teams.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Owner } from '../store/owners-repo.ts';

const configOwner = z.object({ id: z.union([z.string(), z.number()]).transform(String), name: z.string().optional(), firstName: z.string().optional(), lastName: z.string().optional(), email: z.string(), team: z.string().optional() });
const configFile = z.object({ owners: z.array(configOwner).optional(), routing: z.object({ owners: z.array(configOwner).optional() }).passthrough().optional() }).passthrough();
type ConfigOwner = z.infer<typeof configOwner>;

const DEFAULT_OWNERS: ConfigOwner[] = [
  { id: '101', name: 'Ana Silva', email: 'ana.silva@example.com', team: 'North America' },
  { id: '102', name: 'Ben Carter', email: 'ben.carter@example.com', team: 'North America' },
  { id: '103', name: 'Chloe Nguyen', email: 'chloe.nguyen@example.com', team: 'North America' },
  { id: '104', name: 'Dieter Wagner', email: 'dieter.wagner@example.com', team: 'EMEA' },
  { id: '105', name: 'Elena García', email: 'elena.garcia@example.com', team: 'EMEA' },
  { id: '106', name: 'Fatou Diallo', email: 'fatou.diallo@example.com', team: 'EMEA' },
  { id: '107', name: 'Hiro Tanaka', email: 'hiro.tanaka@example.com', team: 'APAC' },
  { id: '108', name: 'Priya Nair', email: 'priya.nair@example.com', team: 'APAC' },
];

export function readConfigOwners(path: string): ConfigOwner[] | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = configFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) return null;
    const owners = parsed.data.owners ?? parsed.data.routing?.owners;
    return owners && owners.length > 0 ? owners : null;
  } catch {
    return null;
  }
}

export function buildOwners(source: ConfigOwner[] | null, createdAt: string): Owner[] {
  const teams = new Map<string, string>();
  return (source ?? DEFAULT_OWNERS).map((o, i) => {
    const [first, ...rest] = (o.name ?? `${o.firstName ?? ''} ${o.lastName ?? ''}`).trim().split(/\s+/);
    const teamName = o.team ?? 'Sales';
    if (!teams.has(teamName)) teams.set(teamName, String(9001 + teams.size));
    return {
      id: o.id, email: o.email, firstName: o.firstName ?? first ?? '', lastName: o.lastName ?? rest.join(' '),
      userId: 5_000_000 + i + 1, userIdIncludingInactive: 5_000_000 + i + 1, type: 'PERSON',
      createdAt, updatedAt: createdAt, archived: false,
      teams: [{ id: teams.get(teamName)!, name: teamName, primary: true }],
    };
  });
}
