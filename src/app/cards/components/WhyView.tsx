import { Divider, Flex } from '@hubspot/ui-extensions';
import type { StoredDecision } from '../decision-view.ts';
import type { HistoryState } from '../hooks/useDecisionHistory.ts';
import { DecisionHistory } from './DecisionHistory.tsx';
import { ScoreBreakdown, type DecisionDetail } from './ScoreBreakdown.tsx';

export interface WhyViewProps {
  decision: DecisionDetail | null;
  stored: StoredDecision;
  history: HistoryState;
  onReloadHistory: () => void;
}

/** Read-only: the stored explanation (or this session's re-score) and the decision history. */
export function WhyView({ decision, stored, history, onReloadHistory }: WhyViewProps) {
  return (
    <Flex direction="column" gap="sm" testId="why-view">
      <Divider />
      <ScoreBreakdown decision={decision} stored={stored} />
      <Divider />
      <DecisionHistory state={history} onRetry={onReloadHistory} />
    </Flex>
  );
}
