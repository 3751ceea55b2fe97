// Provision-time check of the team file against the portal: every owner id the team routes to
// must be an active HubSpot owner, or routing would write ids HubSpot refuses (or nobody works).
import type { Routing } from '../core/config.ts';
import type { OwnerRecord } from '../ports.ts';

export interface OwnerCheck {
  unknown: { id: string; name: string }[];
  archived: { id: string; name: string }[];
  lines: string[];
}

export function checkTeamOwners(routing: Routing, portalOwners: readonly OwnerRecord[]): OwnerCheck {
  const byId = new Map(portalOwners.map((o) => [o.id, o]));
  const unknown: OwnerCheck['unknown'] = [];
  const archived: OwnerCheck['archived'] = [];
  for (const o of routing.owners) {
    const found = byId.get(o.id);
    if (!found) unknown.push({ id: o.id, name: o.name });
    else if (found.archived) archived.push({ id: o.id, name: o.name });
  }
  const lines = [
    ...unknown.map((o) => `Team owner ${o.name} (id ${o.id}) is not an owner in this portal: fix the id in team.json.`),
    ...archived.map((o) => `Team owner ${o.name} (id ${o.id}) is archived in this portal: remove them from team.json or restore the user.`),
  ];
  if (lines.length === 0) lines.push(`All ${routing.owners.length} team owners exist in the portal.`);
  return { unknown, archived, lines };
}
