// The offline, deterministic default: the core rules classifier behind the AiClassifier port.
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
      return { ...value, source: RULES_SOURCE };
    },
  };
}
