// The one place the card calls the rescore_contact app function.
import { useCallback, useRef, useState } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { outcomeFromRejection, outcomeFromReply, type RescoreOutcome, type RescoreSuccess } from '../rescore-outcome.ts';

/** Runs the function; injectable because `hubspot.serverless` only exists inside HubSpot. */
export type RescoreRun = (parameters: { contactId: string }) => Promise<unknown>;

const callRescoreContact: RescoreRun = (parameters) => hubspot.serverless('rescore_contact', { parameters });

export type RescoreState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; outcome: RescoreOutcome };

export interface UseRescoreOptions {
  contactId: string;
  run?: RescoreRun | undefined;
  onOutcome?: ((outcome: RescoreOutcome) => void) | undefined;
}

export function useRescore({ contactId, run = callRescoreContact, onOutcome }: UseRescoreOptions) {
  const [state, setState] = useState<RescoreState>({ status: 'idle' });
  const [lastSuccess, setLastSuccess] = useState<RescoreSuccess | null>(null);
  const running = useRef(false);

  const rescore = useCallback(async (): Promise<RescoreOutcome | null> => {
    // A second click while the first call is in flight would only queue a duplicate write.
    if (running.current) return null;
    running.current = true;
    setState({ status: 'running' });
    let outcome: RescoreOutcome;
    try {
      outcome = outcomeFromReply(await run({ contactId }));
    } catch (error) {
      outcome = outcomeFromRejection(error);
    }
    running.current = false;
    setState({ status: 'done', outcome });
    if (outcome.kind === 'changed' || outcome.kind === 'unchanged') setLastSuccess(outcome.reply);
    onOutcome?.(outcome);
    return outcome;
  }, [contactId, run, onOutcome]);

  return { state, rescore, lastSuccess, isRunning: state.status === 'running' };
}
