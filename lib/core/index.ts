// The pure engine's public surface.
export { decide } from './pipeline.ts';
export { parseConfig, scoringVersionOf, type Config, type ConfigResult, type ConfigIssue } from './config.ts';
export { ConfigSchema } from './config-schema.ts';
export { classifyByRules, type ClassifyFields } from './classify.ts';
export { toDecisionSummary, describeChange, type DecisionSummary } from './summary.ts';
export { taskDedupeKey } from './notify.ts';
