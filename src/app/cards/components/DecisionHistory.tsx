import {
  Button, Flex, Heading, LoadingSpinner, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text,
} from '@hubspot/ui-extensions';
import { TIER_LABEL, formatDecidedAt, formatScore } from '../decision-view.ts';
import type { HistoryState } from '../hooks/useDecisionHistory.ts';

export interface DecisionHistoryProps {
  state: HistoryState;
  onRetry: () => void;
}

function HistoryBody({ state, onRetry }: DecisionHistoryProps) {
  switch (state.status) {
    case 'idle':
    case 'loading':
      return <LoadingSpinner testId="history-loading" label="Loading past decisions" size="sm" />;
    case 'failed':
      return (
        <Flex direction="column" gap="xs">
          <Text testId="history-error">{`Past decisions could not be loaded: ${state.message}`}</Text>
          <Button testId="history-retry-button" size="sm" onClick={onRetry}>Try again</Button>
        </Flex>
      );
    case 'loaded':
      if (state.entries.length === 0) return <Text testId="history-empty">No earlier decisions are recorded for this contact.</Text>;
      return (
        <Table testId="history-table" density="condensed" bordered>
          <TableHead>
            <TableRow>
              <TableHeader>At</TableHeader>
              <TableHeader>Tier</TableHeader>
              <TableHeader>Score</TableHeader>
              <TableHeader>Reason</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {state.entries.map((entry, index) => (
              <TableRow key={`${entry.at}-${index}`}>
                <TableCell>{formatDecidedAt(entry.at)}</TableCell>
                <TableCell>{entry.tier === null ? '—' : TIER_LABEL[entry.tier]}</TableCell>
                <TableCell>{formatScore(entry.leadScore)}</TableCell>
                <TableCell>{entry.reason ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      );
  }
}

export function DecisionHistory(props: DecisionHistoryProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Recent decisions</Heading>
      <HistoryBody {...props} />
    </Flex>
  );
}
