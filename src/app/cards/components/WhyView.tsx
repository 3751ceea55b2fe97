import { Divider, Flex } from '@hubspot/ui-extensions';
import type { HistoryState } from '../hooks/useDecisionHistory.ts';
import { DecisionHistory } from './DecisionHistory.tsx';
import { ScoreBreakdown, type DecisionDetail } from './ScoreBreakdown.tsx';

export interface WhyViewProps {
  decision: DecisionDetail | null;
  onLoadBreakdown: () => void;
  loadingBreakdown: boolean;
  history: HistoryState;
  onReloadHistory: () => void;
}

export function WhyView({ decision, onLoadBreakdown, loadingBreakdown, history, onReloadHistory }: WhyViewProps) {
  return (
    <Flex direction="column" gap="sm" testId="why-view">
      <Divider />
      <ScoreBreakdown decision={decision} onLoad={onLoadBreakdown} loading={loadingBreakdown} />
      <Divider />
      <DecisionHistory state={history} onRetry={onReloadHistory} />
    </Flex>
  );
}
