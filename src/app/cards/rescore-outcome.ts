// What a re-score came to, and the alert that tells the rep about it.
// The reply is parsed here: an unreadable reply becomes a failure, never a crash.
import { RescoreReplySchema, type RescoreReply } from './contract.ts';
import { formatDecidedAt } from './decision-view.ts';

export type RescoreSuccess = Extract<RescoreReply, { ok: true }>;

export type RescoreOutcome =
  | { kind: 'changed'; reply: RescoreSuccess }
  | { kind: 'unchanged'; reply: RescoreSuccess }
  | { kind: 'rate_limited'; message: string }
  | { kind: 'failed'; message: string };

export interface AlertArgs {
  type: 'success' | 'info' | 'warning' | 'danger';
  title: string;
  message: string;
}

export const RATE_LIMITED_MESSAGE = 'HubSpot is rate-limiting requests; try again in a minute';

export function outcomeFromReply(raw: unknown): RescoreOutcome {
  const parsed = RescoreReplySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    return { kind: 'failed', message: `The re-score reply could not be read${where}, so nothing is shown. Reload the record to see the stored values.` };
  }
  const reply = parsed.data;
  if (!reply.ok) {
    if (reply.error.code === 'rate_limited') return { kind: 'rate_limited', message: RATE_LIMITED_MESSAGE };
    return { kind: 'failed', message: reply.error.message };
  }
  return reply.changed ? { kind: 'changed', reply } : { kind: 'unchanged', reply };
}

export function outcomeFromRejection(error: unknown): RescoreOutcome {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return { kind: 'failed', message: message || 'The re-score function failed without saying why.' };
}

/** "Task “Call Ada about pricing” for owner 101, due 27 Nov 2026, 12:00:05 UTC." */
export function taskLine(task: { subject: string; ownerId: string; dueAt: string }): string {
  return `Task “${task.subject}” for owner ${task.ownerId}, due ${formatDecidedAt(task.dueAt)}.`;
}

export function alertForOutcome(outcome: RescoreOutcome): AlertArgs {
  switch (outcome.kind) {
    case 'changed':
      return { type: 'success', title: 'Lead re-scored', message: outcome.reply.task ? `${outcome.reply.summary}. ${taskLine(outcome.reply.task)}` : outcome.reply.summary };
    case 'unchanged':
      return { type: 'info', title: 'No change', message: outcome.reply.summary || 'The decision is the same as before.' };
    case 'rate_limited':
      return { type: 'warning', title: 'Try again in a minute', message: outcome.message };
    case 'failed':
      return { type: 'danger', title: 'Re-score failed', message: outcome.message };
  }
}
