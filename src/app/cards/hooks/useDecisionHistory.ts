// The one place the card calls the decision_history app function.
import { useCallback, useState } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { DecisionHistoryReplySchema, type DecisionHistoryReply } from '../contract.ts';
import { RATE_LIMITED_MESSAGE } from '../rescore-outcome.ts';

export type HistoryEntry = Extract<DecisionHistoryReply, { ok: true }>['entries'][number];

/** Runs the function; injectable because `hubspot.serverless` only exists inside HubSpot. */
export type HistoryRun = (parameters: { contactId: string }) => Promise<unknown>;

const callDecisionHistory: HistoryRun = (parameters) => hubspot.serverless('decision_history', { parameters });

export type HistoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; entries: HistoryEntry[] }
  | { status: 'failed'; message: string };

const timeOf = (at: string) => {
  const epoch = /^\d+$/.test(at) ? Number(at) : Date.parse(at);
  return Number.isFinite(epoch) ? epoch : 0;
};

/** The function's order is not part of its contract, so the card sorts. */
export function newestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => timeOf(b.at) - timeOf(a.at));
}

export function historyStateFromReply(raw: unknown): HistoryState {
  const parsed = DecisionHistoryReplySchema.safeParse(raw);
  if (!parsed.success) return { status: 'failed', message: 'The decision history reply could not be read.' };
  const reply = parsed.data;
  if (reply.ok) return { status: 'loaded', entries: newestFirst(reply.entries) };
  if (reply.error.code === 'rate_limited') return { status: 'failed', message: RATE_LIMITED_MESSAGE };
  return { status: 'failed', message: reply.error.message };
}

export interface UseDecisionHistoryOptions {
  contactId: string;
  run?: HistoryRun | undefined;
}

export function useDecisionHistory({ contactId, run = callDecisionHistory }: UseDecisionHistoryOptions) {
  const [state, setState] = useState<HistoryState>({ status: 'idle' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState(historyStateFromReply(await run({ contactId })));
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'The decision history could not be loaded.';
      setState({ status: 'failed', message });
    }
  }, [contactId, run]);

  return { state, load };
}
