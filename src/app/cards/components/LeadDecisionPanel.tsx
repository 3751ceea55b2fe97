import { useCallback, useState } from 'react';
import { Flex, Text } from '@hubspot/ui-extensions';
import { useCrmProperties } from '@hubspot/ui-extensions/crm';
import { CARD_PROPERTIES } from '../contract.ts';
import { readCardState } from '../decision-view.ts';
import { useDecisionHistory, type HistoryRun } from '../hooks/useDecisionHistory.ts';
import { useRescore, type RescoreRun } from '../hooks/useRescore.ts';
import { alertForOutcome, taskLine, type AlertArgs, type RescoreOutcome } from '../rescore-outcome.ts';
import { CardActions } from './CardActions.tsx';
import { LoadingDecision, NeverScored, PropertiesError } from './CardStates.tsx';
import { DecisionSummary } from './DecisionSummary.tsx';
import { WhyView } from './WhyView.tsx';

/** The host actions the card uses (a subset of HubSpot's crm.record.sidebar actions). */
export interface PanelActions {
  addAlert: (alert: AlertArgs) => void;
  refreshObjectProperties: () => void;
}

export interface LeadDecisionPanelProps {
  contactId: string;
  actions: PanelActions;
  /** Injected in tests; inside HubSpot the hooks call `hubspot.serverless`. */
  runRescore?: RescoreRun | undefined;
  runHistory?: HistoryRun | undefined;
}

const PROPERTY_NAMES: string[] = [...CARD_PROPERTIES];

export function LeadDecisionPanel({ contactId, actions, runRescore, runHistory }: LeadDecisionPanelProps) {
  const properties = useCrmProperties(PROPERTY_NAMES);
  const { refetch } = properties;
  const state = readCardState(properties);
  const [whyOpen, setWhyOpen] = useState(false);
  const history = useDecisionHistory({ contactId, run: runHistory });
  const { load: loadHistory, state: historyState } = history;
  const historyShown = historyState.status !== 'idle';

  const onOutcome = useCallback((outcome: RescoreOutcome) => {
    if (outcome.kind === 'changed' || outcome.kind === 'unchanged') {
      actions.refreshObjectProperties();
      // Whether refreshObjectProperties reaches useCrmProperties inside HubSpot is
      // unconfirmed, so the card also re-reads its own properties.
      void refetch();
      if (historyShown) void loadHistory();
    }
    actions.addAlert(alertForOutcome(outcome));
  }, [actions, refetch, historyShown, loadHistory]);

  const { rescore, isRunning, lastSuccess } = useRescore({ contactId, run: runRescore, onOutcome });
  const startRescore = useCallback(() => { void rescore(); }, [rescore]);

  const toggleWhy = useCallback(() => {
    setWhyOpen((open) => !open);
    if (!whyOpen && historyState.status === 'idle') void loadHistory();
  }, [whyOpen, historyState.status, loadHistory]);

  switch (state.kind) {
    case 'loading':
      return <LoadingDecision />;
    case 'error':
      return <PropertiesError message={state.message} onRetry={() => { void refetch(); }} />;
    case 'never_scored':
      return <NeverScored onScore={startRescore} scoring={isRunning} />;
    case 'scored':
      return (
        <Flex direction="column" gap="sm">
          <DecisionSummary decision={state.decision} />
          <CardActions onRescore={startRescore} rescoring={isRunning} whyOpen={whyOpen} onToggleWhy={toggleWhy} />
          {lastSuccess?.task && <Text testId="task-created" variant="microcopy">{taskLine(lastSuccess.task)}</Text>}
          {whyOpen && (
            <WhyView
              decision={lastSuccess?.decision ?? null}
              stored={state.decision}
              history={historyState}
              onReloadHistory={() => { void loadHistory(); }}
            />
          )}
        </Flex>
      );
  }
}
