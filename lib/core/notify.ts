// notify: a task for the owner on high tier only, throttled per rep and
// deduplicated per contact. The dedupe key is stable for the same decision,
// so a retry can never create a second task.
import type { Config } from './config.ts';
import type { Tier } from './contract.ts';
import { SentenceMemo } from './sentences.ts';
import type { Classification, DecisionContext, NotifyResult, Reason, SideEffect, Stage } from './types.ts';
import { readTime } from './values.ts';

export interface NotifyInputs {
  contactId: string;
  tier: Tier;
  ownerId: string | null;
  ownerName: string;
  decisionKey: string;
  leadScore: number;
  /** The audit line, which becomes the task body with the suggested asset. */
  reason: string;
  classification: Pick<Classification, 'nextBestAsset' | 'subjectLine'>;
}

// Most leads are not high tier: their one sentence depends only on the rules and the tier.
const SKIPPED_SENTENCES = new SentenceMemo((rules: Config['notify'], tier: Tier) => `No task: only ${rules.tiers.join('/') || 'no'} tier creates one, and this lead is ${tier}.`);

export function taskDedupeKey(contactId: string, decisionKey: string): string {
  return `lead-decisions:${contactId}:${decisionKey}`;
}

export function notify(input: NotifyInputs, config: Config, context: DecisionContext | undefined, nowMs: number): Stage<NotifyResult> & { effect: SideEffect | null } {
  const rules = config.notify;
  if (!rules.tiers.includes(input.tier)) {
    return none(input.ownerId, { code: 'notify_tier_skipped', message: SKIPPED_SENTENCES.get(rules, input.tier) });
  }
  if (input.ownerId === null) return none(input.ownerId, { code: 'notify_no_owner', message: 'No task: the contact has no owner to tell.' });
  const last = readTime(context?.lastNotifiedAt ?? null);
  if (last !== null && nowMs - last < rules.dedupeWindowHours * 3_600_000) {
    const hours = Math.max(0, Math.floor((nowMs - last) / 3_600_000));
    return none(input.ownerId, { code: 'notify_deduped', message: `No task: ${input.ownerName} was already told about this contact ${hours} h ago (window ${rules.dedupeWindowHours} h).` });
  }
  const recent = context?.recentTasksByOwner?.[input.ownerId];
  if (typeof recent === 'number' && recent >= rules.maxTasksPerOwner) {
    return none(input.ownerId, { code: 'notify_throttled', message: `No task: ${input.ownerName} already got ${recent} tasks in the last ${rules.throttleWindowHours} h (limit ${rules.maxTasksPerOwner}).` });
  }
  return {
    value: { createTask: true, ownerId: input.ownerId },
    reasons: [{ code: 'notify_task', message: `A follow-up task goes to ${input.ownerName}.` }],
    effect: {
      type: 'create_task',
      ownerId: input.ownerId,
      subject: `Follow up: ${input.tier}-intent lead (score ${input.leadScore})`,
      body: `${input.reason}\nSuggested asset: ${input.classification.nextBestAsset}. Subject line: ${input.classification.subjectLine}`,
      dedupeKey: taskDedupeKey(input.contactId, input.decisionKey),
    },
  };
}

function none(ownerId: string | null, reason: Reason): Stage<NotifyResult> & { effect: null } {
  return { value: { createTask: false, ownerId }, reasons: [reason], effect: null };
}
