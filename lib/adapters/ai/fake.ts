// In-memory AiClassifier for shell tests: a fixed answer (or a function of the request), requests recorded.
import type { Classification } from '../../core/types.ts';
import type { AiClassifier, ClassificationRequest } from '../../ports.ts';

export interface FakeAiClassifier extends AiClassifier {
  readonly requests: ClassificationRequest[];
}

export function createFakeAiClassifier(answer: Classification | Error | ((request: ClassificationRequest) => Classification), id = 'fake'): FakeAiClassifier {
  const requests: ClassificationRequest[] = [];
  return {
    id,
    requests,
    async classify(request) {
      requests.push(structuredClone(request));
      if (answer instanceof Error) throw answer;
      return typeof answer === 'function' ? answer(request) : structuredClone(answer);
    },
  };
}
