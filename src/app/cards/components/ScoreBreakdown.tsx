import { DescriptionList, DescriptionListItem, Flex, Heading, LoadingButton, Text } from '@hubspot/ui-extensions';
import { formatScore, humanize } from '../decision-view.ts';
import type { RescoreSuccess } from '../rescore-outcome.ts';

export type DecisionDetail = RescoreSuccess['decision'];

const points = (value: number) => {
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${rounded}` : String(rounded);
};

function Contributions({ title, total, parts, testId }: { title: string; total: number; parts: Record<string, number>; testId: string }) {
  const entries = Object.entries(parts);
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'demibold' }}>{`${title}: ${formatScore(total)}`}</Text>
      {entries.length === 0 ? (
        <Text variant="microcopy">No signals counted.</Text>
      ) : (
        <DescriptionList testId={testId} direction="row">
          {entries.map(([key, value]) => (
            <DescriptionListItem key={key} label={humanize(key)}>
              <Text>{points(value)}</Text>
            </DescriptionListItem>
          ))}
        </DescriptionList>
      )}
    </Flex>
  );
}

export interface ScoreBreakdownProps {
  decision: DecisionDetail | null;
  onLoad: () => void;
  loading: boolean;
}

/** How each signal counted. Only a re-score returns it, so without one the card offers to run it. */
export function ScoreBreakdown({ decision, onLoad, loading }: ScoreBreakdownProps) {
  if (decision === null) {
    return (
      <Flex direction="column" gap="xs">
        <Heading>Score breakdown</Heading>
        <Text>The breakdown comes with a re-score. If nothing about the contact changed, nothing is written.</Text>
        <LoadingButton testId="load-breakdown-button" size="sm" variant="secondary" loading={loading} onClick={onLoad}>
          Load breakdown
        </LoadingButton>
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="sm" testId="breakdown">
      <Heading>Score breakdown</Heading>
      <Contributions title="Intent" total={decision.intentScore} parts={decision.breakdown.intent} testId="breakdown-intent" />
      <Contributions title="Fit" total={decision.fitScore} parts={decision.breakdown.fit} testId="breakdown-fit" />
      {decision.reasons.map((reason) => (
        <Text key={reason.code} variant="microcopy">{reason.message}</Text>
      ))}
    </Flex>
  );
}
