import { DescriptionList, DescriptionListItem, Flex, Heading, Text } from '@hubspot/ui-extensions';
import { formatDecidedAt, formatScore, humanize, type StoredDecision } from '../decision-view.ts';
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
  /** The breakdown of this session's re-score, if there was one. */
  decision: DecisionDetail | null;
  /** What is stored on the contact: the read-only explanation when there is no re-score. */
  stored: StoredDecision;
}

/**
 * How the score came about. Read-only: from the stored scores and reason, or from the re-score
 * the rep already ran. Why? never writes (Re-score is the only button that does).
 */
export function ScoreBreakdown({ decision, stored }: ScoreBreakdownProps) {
  if (decision === null) {
    return (
      <Flex direction="column" gap="xs" testId="stored-explanation">
        <Heading>Why this score</Heading>
        <Text testId="stored-scores">{`Lead score ${formatScore(stored.leadScore)} = intent ${formatScore(stored.intentScore)} and fit ${formatScore(stored.fitScore)}${stored.tier === null ? '' : `, so the tier is ${stored.tier}`}.`}</Text>
        <Text testId="stored-reason">{stored.reason ?? 'No reason was recorded with this decision.'}</Text>
        <Text variant="microcopy">{`Decided ${formatDecidedAt(stored.decidedAt)} with rules ${stored.scoringVersion ?? 'unknown'}. Re-score to see how each signal counted today.`}</Text>
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
