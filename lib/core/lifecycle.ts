// lifecycle: forward-only moves through the config's transition table over
// HubSpot's default stages. Custom or unknown stages are never touched.
import type { Config } from './config.ts';
import type { Tier } from './contract.ts';
import { FUNNEL_STAGES, stageRank } from './lifecycle-stages.ts';
import { lifecycleLabel } from './labels.ts';
import { SentenceMemo } from './sentences.ts';
import type { LifecycleMove, Reason, Stage } from './types.ts';


export function stageLabel(stage: string): string {
  return lifecycleLabel(stage);
}

/**
 * The forward move for this tier, if any. A blocking `hs_lead_status` (config
 * dataQuality.blockingLeadStatuses: UNQUALIFIED, BAD_TIMING…) holds the stage:
 * a rep's "not now" outranks the score.
 */
export function decideLifecycle(current: string | null, tier: Tier, config: Config, leadStatus: string | null = null): Stage<LifecycleMove> {
  const from = current === null || current === '' ? null : current;
  if (from !== null && stageRank(from) < 0) {
    return stay(from, { code: 'lifecycle_custom_stage', message: `Lifecycle stage "${stageLabel(from).slice(0, 60)}" is custom or outside the funnel, so it is never moved automatically.` });
  }
  const key = from ?? 'none';
  const rule = config.lifecycle.transitions.find((t) => t.tier === tier && (t.from as readonly string[]).includes(key));
  if (!rule) return stay(from, { code: 'lifecycle_no_rule', message: NO_RULE_SENTENCES[tier].get(config.lifecycle, key) });
  // The config schema already refuses backward rules; this guard keeps the promise even for hand-built configs.
  if (from !== null && stageRank(rule.to) <= stageRank(from)) {
    return stay(from, { code: 'lifecycle_backward_refused', message: `Moving from ${stageLabel(from)} to ${stageLabel(rule.to)} would go backward, so the stage stays.` });
  }
  const blocking = blockingStatus(leadStatus, config);
  if (blocking !== null) {
    return stay(from, { code: 'lifecycle_blocked_by_lead_status', message: `Lead status ${blocking} blocks promotion to ${stageLabel(rule.to)}, so the stage stays.` });
  }
  const before = from === null ? 'no stage' : stageLabel(from);
  return {
    value: { from, to: rule.to, moved: true },
    reasons: [{ code: 'lifecycle_moved', message: `${cap(tier)} tier moves the contact from ${before} to ${stageLabel(rule.to)}.` }],
  };
}

export const KNOWN_STAGES: readonly string[] = FUNNEL_STAGES;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function stay(from: string | null, reason: Reason): Stage<LifecycleMove> {
  return { value: { from, to: null, moved: false }, reasons: [reason] };
}

// Most contacts stay where they are, and the sentence depends only on the tier and the stage.
const noRule = (tier: Tier) => new SentenceMemo((_rules: Config['lifecycle'], stage: string) =>
  `No rule moves a ${tier}-tier contact at ${stage === 'none' ? 'no lifecycle stage' : stageLabel(stage)}, so the stage stays.`);
const NO_RULE_SENTENCES: Record<Tier, SentenceMemo<Config['lifecycle'], string>> = { high: noRule('high'), medium: noRule('medium'), low: noRule('low') };

const blockingSets = new WeakMap<object, ReadonlySet<string>>();

function blockingStatus(status: string | null, config: Config): string | null {
  if (status === null || status === '') return null;
  let set = blockingSets.get(config.dataQuality);
  if (!set) {
    set = new Set(config.dataQuality.blockingLeadStatuses.map((s) => s.toUpperCase()));
    blockingSets.set(config.dataQuality, set);
  }
  const key = status.trim().toUpperCase();
  return set.has(key) ? key.slice(0, 60) : null;
}
