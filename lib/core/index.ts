// The pure engine's public surface.
export { decide } from './pipeline.ts';
export { parseConfig, parseTeam, withTeam, scoringVersionOf, type Config, type ConfigResult, type ConfigIssue, type TeamData, type TeamResult, type Routing } from './config.ts';
export { TeamSchema } from './team-schema.ts';
export { nextAvailableOwner, poolOwnerIds, unavailableSet, accountKeyOf } from './route.ts';
export { createRoutingRun, type RoutingRun, type RoutingRunState } from './routing-run.ts';
export { ConfigSchema } from './config-schema.ts';
export { classifyByRules, type ClassifyFields } from './classify.ts';
export { toDecisionSummary, describeChange, type DecisionSummary } from './summary.ts';
export { taskDedupeKey } from './notify.ts';
