import { Button, EmptyState, ErrorState, LoadingButton, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { shortLoadError } from '../decision-view.ts';

export function LoadingDecision() {
  return <LoadingSpinner testId="loading" label="Loading the lead decision" layout="centered" />;
}

export interface NeverScoredProps {
  onScore: () => void;
  scoring: boolean;
}

/** A contact the engine has never decided: say so and offer to score it now. */
export function NeverScored({ onScore, scoring }: NeverScoredProps) {
  return (
    <EmptyState testId="never-scored" title="Not scored yet" imageName="leads" layout="vertical">
      <Text>This contact has no lead score or tier yet. Score it now to see how good a lead it is and why.</Text>
      <LoadingButton testId="score-now-button" variant="primary" loading={scoring} onClick={onScore}>
        Score now
      </LoadingButton>
    </EmptyState>
  );
}

export interface PropertiesErrorProps {
  message: string;
  onRetry: () => void;
}

export function PropertiesError({ message, onRetry }: PropertiesErrorProps) {
  return (
    <ErrorState testId="properties-error" title="The lead decision could not be loaded">
      <Text>{`HubSpot did not return this contact's scores: ${shortLoadError(message)}`}</Text>
      <Button testId="retry-button" onClick={onRetry}>Try again</Button>
    </ErrorState>
  );
}
