// Custom code action `score_and_route`: mapped inputs → scores, tier, owner and reason.
// Pure (no API calls); bundled to custom-code/score_and_route.js by `npm run build`.
import { decide } from '../core/pipeline.ts';
import type { Config } from '../core/config.ts';
import { bundledConfig } from './bundled-config.ts';
import { inputsOf } from './event.ts';
import { readDecisionInputs } from './inputs.ts';
import { decisionOutputs, safeDefaultOutputs, type DecisionOutputs } from './outputs.ts';

export function scoreAndRoute(event: unknown, config: Config, now: Date): DecisionOutputs {
  const read = readDecisionInputs(inputsOf(event));
  if (!read.ok) return safeDefaultOutputs(config, read.reason, now.getTime());
  const decision = decide({ id: '', properties: read.properties, company: read.company ? { properties: read.company } : null }, config, now);
  // decide() is total; its own safe decision (a stage failed) is still the safe default route.
  if (decision.decisionKey === '') return safeDefaultOutputs(config, decision.reasons[0] ?? { code: 'decide_failed', message: 'This contact could not be decided.' }, now.getTime());
  return decisionOutputs(decision);
}

/** Never throws: anything unexpected is the safe default route with the error's words. */
export const main = async (event: unknown): Promise<{ outputFields: DecisionOutputs }> => {
  const now = new Date();
  const config = bundledConfig();
  try {
    return { outputFields: scoreAndRoute(event, config, now) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'unknown error';
    return { outputFields: safeDefaultOutputs(config, { code: 'decide_failed', message: `This contact could not be decided (${detail}), so it takes the safe default route (low).` }, now.getTime()) };
  }
};
