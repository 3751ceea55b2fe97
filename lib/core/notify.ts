// notify: a task for the owner only on NEW intent: high-intent activity newer
// than the last notification (a demo request, a meeting, a reply…), or the
// contact newly entering a notifying tier. A re-score alone never notifies. The
// dedupe key names the triggering activity, so retries and re-scores of the same
// activity can never create a second task. A throttled owner's unowned lead goes
// to the next available rep of its pool; an owned one waits for the next run.
import type { Activity, ActivityEvent } from './activity.ts';
import type { Config } from './config.ts';
import type { Tier } from './contract.ts';
import { conversionOf } from './intent.ts';
import { nextAvailableOwner, ownerName } from './route.ts';
import { SentenceMemo, spaced } from './sentences.ts';
import type { Classification, DecisionContext, NotifyResult, Reason, SideEffect, Stage } from './types.ts';
import { DAY_MS, readTime } from './values.ts';

export interface NotifyInputs {
  contactId: string;
  tier: Tier;
  /** The tier stored on the contact before this decision (routing_tier), or null. */
  storedTier: string | null;
  activity: Activity;
  /** The owner routing chose, and the owner the contact had before this decision. */
  ownerId: string | null;
  currentOwnerId: string | null;
  /** The pool routing drew from, if any (the next rep comes from the same pool). */
  pool?: string | undefined;
}

export interface Trigger {
  /** Names the activity in the dedupe key: "demo_request@2026-11-25T09:12:00.000Z", "entered_high@2026-11-27". */
  key: string;
  /** "demo request on 2026-11-25", "entered the high tier". */
  label: string;
  kind: string;
  at: string;
}

export interface NotifyPlan extends Stage<NotifyResult> {
  trigger: Trigger | null;
  /** Set when the task goes to another rep than routing chose (the owner is throttled). */
  reassignedTo: string | null;
}

export function taskDedupeKey(contactId: string, triggerKey: string): string {
  return `lead-decisions:${contactId}:${triggerKey}`;
}

// Most leads are not in a notifying tier: their one sentence depends only on the rules and the tier.
const SKIPPED_SENTENCES = new SentenceMemo((rules: Config['notify'], tier: Tier) => `No task: only ${rules.tiers.join('/') || 'no'} tier creates one, and this lead is ${tier}.`);
const NOTHING_NEW_SENTENCES = new SentenceMemo((rules: Config['notify'], _key: number) => `No task: no new high-intent activity (${highIntentWords(rules)}) in the last ${rules.freshActivityDays} days since the last notification, and a re-score alone tells nobody.`);

export function planNotify(input: NotifyInputs, config: Config, context: DecisionContext | undefined, nowMs: number): NotifyPlan {
  const rules = config.notify;
  if (!rules.tiers.includes(input.tier)) return none(input.ownerId, { code: 'notify_tier_skipped', message: SKIPPED_SENTENCES.get(rules, input.tier) });
  const lastMs = readTime(context?.lastNotifiedAt ?? null);
  const trigger = findTrigger(input, config, lastMs, nowMs);
  if (trigger === null) return none(input.ownerId, { code: 'notify_no_new_intent', message: NOTHING_NEW_SENTENCES.get(rules, 0) });
  if (input.ownerId === null) return none(input.ownerId, { code: 'notify_no_owner', message: 'No task: the contact has no owner to tell.' }, trigger);
  if (lastMs !== null && lastMs <= nowMs && nowMs - lastMs < rules.dedupeWindowHours * 3_600_000) {
    const hours = Math.floor((nowMs - lastMs) / 3_600_000);
    return none(input.ownerId, { code: 'notify_deduped', message: `No task: ${ownerName(input.ownerId, config)} was already told about this contact ${hours} h ago (window ${rules.dedupeWindowHours} h).` }, trigger);
  }
  if (!throttled(input.ownerId, config, context)) {
    return task(input.ownerId, trigger, null, { code: 'notify_task', message: `A follow-up task goes to ${ownerName(input.ownerId, config)}: ${trigger.label}.` });
  }
  const limit = `${ownerName(input.ownerId, config)} already got ${context?.recentTasksByOwner?.[input.ownerId] ?? 0} tasks in the last ${rules.throttleWindowHours} h (limit ${rules.maxTasksPerOwner})`;
  if (input.currentOwnerId === null && input.pool !== undefined) {
    const members = config.routing.pools.find((p) => p.id === input.pool)?.members ?? [];
    const overThrottle = new Set(members.filter((m) => throttled(m.ownerId, config, context)).map((m) => m.ownerId));
    const next = nextAvailableOwner(input.pool, input.contactId, config, context, nowMs, overThrottle);
    if (next !== null) {
      return task(next, trigger, next, { code: 'notify_next_rep', message: `${limit}, so this unowned lead and its task go to ${ownerName(next, config)}, next available in the ${spaced(input.pool)} pool: ${trigger.label}.` });
    }
  }
  const plan = none(input.ownerId, { code: 'notify_waiting', message: `Task waiting: ${limit}; the next run creates it (${trigger.label}).` }, trigger);
  plan.value.waiting = true;
  return plan;
}

/** The task itself, once the audit line (its body) is known. */
export function taskEffect(contactId: string, plan: NotifyPlan, leadScore: number, reason: string, classification: Pick<Classification, 'nextBestAsset' | 'subjectLine'>): SideEffect | null {
  if (!plan.value.createTask || plan.value.ownerId === null || plan.trigger === null) return null;
  return {
    type: 'task',
    ownerId: plan.value.ownerId,
    subject: `Follow up: ${plan.trigger.label} (lead score ${leadScore})`,
    body: `${reason}\nSuggested asset: ${classification.nextBestAsset}. Subject line: ${classification.subjectLine}`,
    dedupeKey: taskDedupeKey(contactId, plan.trigger.key),
    trigger: { kind: plan.trigger.kind, at: plan.trigger.at },
  };
}

/** The newest fresh high-intent event after the last notification, else a new entry into the tier. */
export function findTrigger(input: NotifyInputs, config: Config, lastNotifiedMs: number | null, nowMs: number): Trigger | null {
  const rules = config.notify;
  const oldest = nowMs - rules.freshActivityDays * DAY_MS;
  // The newest candidate so far, kept in locals (no object per event).
  let bestAt = 0;
  let best: { kind: string; what: string } | null = null;
  const events = input.activity.events;
  for (let i = 0; i < events.length; i++) {
    const e: ActivityEvent = events[i]!;
    if (e.atMs < oldest || (lastNotifiedMs !== null && e.atMs <= lastNotifiedMs) || (best !== null && e.atMs <= bestAt)) continue;
    const named = highIntent(e, config);
    if (named !== null) {
      best = named;
      bestAt = e.atMs;
    }
  }
  if (best !== null) {
    const at = new Date(bestAt).toISOString();
    return { key: `${best.kind}@${at}`, label: `new ${best.what} on ${at.slice(0, 10)}`, kind: best.kind, at };
  }
  // Entering the tier: the stored tier differs, or it was never told (a first decision, or a
  // task that failed or waited last time although the tier was already written).
  const entered = input.storedTier !== input.tier || lastNotifiedMs === null;
  if (entered && (lastNotifiedMs === null || nowMs - lastNotifiedMs >= rules.dedupeWindowHours * 3_600_000)) {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    return { key: `entered_${input.tier}@${day}`, label: `entered the ${input.tier} tier`, kind: `entered_${input.tier}`, at: `${day}T00:00:00.000Z` };
  }
  return null;
}

const SIGNAL_WORDS: Record<string, string> = { page_view: 'page view', form: 'form submission', email_click: 'email click', email_reply: 'email reply', meeting: 'meeting booked' };

function highIntent(e: ActivityEvent, config: Config): { kind: string; what: string } | null {
  if (e.signal === 'form') {
    const rule = conversionOf(e.name, config.scoring.intent);
    if (rule?.highIntent) return { kind: rule.id, what: rule.label };
  }
  if (config.notify.highIntentSignals.includes(e.signal)) return { kind: e.signal, what: SIGNAL_WORDS[e.signal] ?? e.signal };
  return null;
}

function highIntentWords(rules: Config['notify']): string {
  return rules.highIntentSignals.map((s) => SIGNAL_WORDS[s] ?? s).concat('high-intent forms').join(', ');
}

function throttled(ownerId: string, config: Config, context: DecisionContext | undefined): boolean {
  const recent = context?.recentTasksByOwner?.[ownerId];
  return typeof recent === 'number' && recent >= config.notify.maxTasksPerOwner;
}

function task(ownerId: string, trigger: Trigger, reassignedTo: string | null, reason: Reason): NotifyPlan {
  return { value: { createTask: true, ownerId, waiting: false, trigger: trigger.key }, reasons: [reason], trigger, reassignedTo };
}

function none(ownerId: string | null, reason: Reason, trigger: Trigger | null = null): NotifyPlan {
  return { value: { createTask: false, ownerId, waiting: false, trigger: trigger?.key ?? null }, reasons: [reason], trigger, reassignedTo: null };
}
