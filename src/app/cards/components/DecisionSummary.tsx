import {
  DescriptionList, DescriptionListItem, Flex, Statistics, StatisticsItem, StatusTag, Tag, Text,
} from '@hubspot/ui-extensions';
import {
  REENGAGEMENT_LABEL, TIER_LABEL, TIER_TAG_VARIANT, enrichmentText, formatDecidedAt, formatScore, humanize, type Band, type StoredDecision,
} from '../decision-view.ts';

const BAND_VARIANT = { high: 'success', medium: 'warning', low: 'default' } as const satisfies Record<Band, string>;

export function TierTag({ tier }: { tier: StoredDecision['tier'] }) {
  if (tier === null) return <Tag testId="tier-tag" variant="default">No tier</Tag>;
  return <Tag testId="tier-tag" variant={TIER_TAG_VARIANT[tier]}>{`${TIER_LABEL[tier]} tier`}</Tag>;
}


/** The stored decision: scores, tier, the reason verbatim and where the facts came from. */
export function DecisionSummary({ decision }: { decision: StoredDecision }) {
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" justify="between" align="center">
        <Text format={{ fontWeight: 'demibold' }}>Routing tier</Text>
        <TierTag tier={decision.tier} />
      </Flex>
      <Statistics>
        <StatisticsItem testId="lead-score" label="Lead score" number={formatScore(decision.leadScore)} />
        <StatisticsItem testId="intent-score" label="Intent" number={formatScore(decision.intentScore)} />
        <StatisticsItem testId="fit-score" label="Fit" number={formatScore(decision.fitScore)} />
      </Statistics>
      <Text testId="decision-reason">{decision.reason ?? 'No reason was recorded with this decision.'}</Text>
      <DescriptionList direction="row">
        <DescriptionListItem label="Enrichment">
          <Text testId="enrichment">{enrichmentText(decision.enrichmentConfidence, decision.enrichmentSource)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Content track">
          <Flex direction="row" gap="xs" align="center" wrap>
            <Text testId="content-track">{decision.contentTrack === null ? 'Not classified' : humanize(decision.contentTrack)}</Text>
            {decision.confidenceBand !== null && (
              <StatusTag testId="confidence-band" variant={BAND_VARIANT[decision.confidenceBand]} hollow>
                {`${decision.confidenceBand} confidence`}
              </StatusTag>
            )}
          </Flex>
        </DescriptionListItem>
        {decision.nextBestAssetId !== null && (
          <DescriptionListItem label="Next best asset">
            <Text testId="next-best-asset">{humanize(decision.nextBestAssetId)}</Text>
          </DescriptionListItem>
        )}
        {decision.reengagementStatus !== null && (
          <DescriptionListItem label="Re-engagement">
            <Text testId="reengagement-status">{REENGAGEMENT_LABEL[decision.reengagementStatus] ?? humanize(decision.reengagementStatus)}</Text>
          </DescriptionListItem>
        )}
        <DescriptionListItem label="Scoring version">
          <Text testId="scoring-version">{decision.scoringVersion ?? 'unknown'}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Decided">
          <Text testId="decided-at">{formatDecidedAt(decision.decidedAt)}</Text>
        </DescriptionListItem>
      </DescriptionList>
    </Flex>
  );
}
