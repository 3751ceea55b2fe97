import { Button, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';

export interface CardActionsProps {
  onRescore: () => void;
  rescoring: boolean;
  whyOpen: boolean;
  onToggleWhy: () => void;
}

export function CardActions({ onRescore, rescoring, whyOpen, onToggleWhy }: CardActionsProps) {
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm">
        <LoadingButton testId="rescore-button" variant="primary" size="sm" loading={rescoring} onClick={onRescore}>
          Re-score
        </LoadingButton>
        <Button testId="why-button" variant="secondary" size="sm" onClick={onToggleWhy}>
          {whyOpen ? 'Hide why' : 'Why?'}
        </Button>
      </Flex>
      {rescoring && <Text testId="rescore-progress" variant="microcopy">Re-scoring: reading the contact and its company…</Text>}
    </Flex>
  );
}
