// HubSpot's default lifecycle stages in their forward order. "other" sits
// outside the funnel, so the engine never moves a contact into or out of it.
export const FUNNEL_STAGES = [
  'subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead',
  'opportunity', 'customer', 'evangelist',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const LIFECYCLE_STAGES = [...FUNNEL_STAGES, 'other'] as const;

/** Funnel position, or −1 for "other", custom and unknown stages (which are never moved). */
export function stageRank(stage: string): number {
  return (FUNNEL_STAGES as readonly string[]).indexOf(stage);
}
