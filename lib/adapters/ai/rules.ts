// The offline, deterministic default: the core rules classifier behind the AiClassifier port.
import { classifyByRules } from '../../core/classify.ts';
import type { Config } from '../../core/config.ts';
import { classifyTitle } from '../../core/normalize/index.ts';
import type { Classification, Stage } from '../../core/types.ts';
import type { AiClassifier, ClassificationRequest } from '../../ports.ts';

export const RULES_SOURCE = 'rules';

/** Classifies whitelisted request fields; the shell wires it to lib/core's classifyByRules. */
export type RulesClassify = (request: ClassificationRequest) => Classification | Stage<Classification>;

const isStage = (value: Classification | Stage<Classification>): value is Stage<Classification> => 'value' in value && 'reasons' in value;

export function createRulesClassifier(classify: RulesClassify): AiClassifier {
  return {
    id: RULES_SOURCE,
    async classify(request) {
      const result = classify(request);
      const value = isStage(result) ? result.value : result;
      // The port promises a track from the request's list; the rules know only the config's.
      const allowed = request.allowedTracks;
      if (allowed.length > 0 && !allowed.includes(value.contentTrack)) {
        return { ...value, contentTrack: allowed[0]!, confidenceBand: 'low', source: RULES_SOURCE };
      }
      return { ...value, source: RULES_SOURCE };
    },
  };
}

/** Lower bound of our page-view bands ("6-20" → 6, "50+" → 51), so the rules see a number. */
export function pageViewsFromBand(band: string | undefined): number {
  if (!band) return 0;
  const n = Number(band.match(/^\d+/)?.[0] ?? 0);
  return band.endsWith('+') ? n + 1 : n;
}

/** The core rules classifier over whitelisted request fields (what `createAdaptersFromEnv` wires by default). */
export function coreRulesClassify(config: Config): RulesClassify {
  return (request) => classifyByRules({
    persona: classifyTitle(request.fields['jobtitle'] ?? null).value.persona,
    industry: request.fields['industry'] ?? null,
    lifecycle: request.fields['lifecyclestage']?.toLowerCase() ?? null,
    text: [request.fields['message'], request.fields['jobtitle']].filter(Boolean).join(' '),
    pageViews: pageViewsFromBand(request.fields['page_views_band']),
  }, config);
}
