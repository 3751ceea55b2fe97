// POST /workflow-actions/decide: the "Decide lead" workflow action. Decides and writes like the
// card's Re-score, answers the output fields a workflow branches on, and never answers an error
// for a provider failure: the safe default route (tier low) with the reason instead.
import { z } from 'zod';
import type { Config } from '../core/config.ts';
import { toFunctionError } from '../functions/shell.ts';
import type { RescoreSuccess } from '../services/rescore.ts';
import type { DecisionOutputValues } from '../core/decision-outputs.ts';

const Id = z.union([z.number().int().nonnegative(), z.string().trim().regex(/^\d{1,20}$/)]).transform(String);

export const ActionRequestSchema = z.object({
  callbackId: z.string().min(1).max(200),
  origin: z.object({ portalId: z.union([z.number(), z.string()]).optional() }).loose().optional(),
  context: z.object({ source: z.string().optional(), workflowId: z.union([z.number(), z.string()]).optional() }).loose().optional(),
  object: z.object({ objectId: Id, objectType: z.string().optional() }).loose().optional(),
  inputFields: z.record(z.string(), z.unknown()).optional(),
}).loose();

export type ActionRequest = z.infer<typeof ActionRequestSchema>;

/** The action's output fields, from the one list the hsmeta file and the custom code actions use too. */
export type OutputFields = DecisionOutputValues;

/** The contact: the enrolled object, else an input field named contact_id (for actions on other objects). */
export function contactIdOf(req: ActionRequest): string | null {
  if (req.object?.objectId) return req.object.objectId;
  const raw = req.inputFields?.['contact_id'];
  const parsed = Id.safeParse(typeof raw === 'number' ? raw : typeof raw === 'string' ? raw : undefined);
  return parsed.success ? parsed.data : null;
}

export function outputsOf(reply: RescoreSuccess): OutputFields {
  const d = reply.decision;
  return {
    routing_tier: d.tier, intent_score: d.intentScore, fit_score: d.fitScore, lead_score: d.leadScore,
    owner_id: reply.ownerId ?? '', content_track: d.contentTrack, last_decision_reason: d.reason,
  };
}

/** What a workflow gets when no decision could be made: route low, and say why. */
export function safeDefaultOutputs(config: Config, why: string): OutputFields {
  const reason = `Routed low by default: ${why}`.slice(0, 500);
  return { routing_tier: 'low', intent_score: 0, fit_score: 0, lead_score: 0, owner_id: '', content_track: config.classification.defaultTrack, last_decision_reason: reason };
}

/** A failure as one sentence for the reason line (never a token: the adapters scrub them). */
export function failureSentence(error: unknown): string {
  const e = toFunctionError(error);
  return e.code === 'not_found' ? 'the contact no longer exists in HubSpot.' : e.message;
}

export interface DecideActionDeps {
  rescore: (contactId: string) => Promise<RescoreSuccess>;
  config: Config;
  /** HubSpot's budget for an action answer; we answer the safe default before it runs out. */
  budgetMs: number;
  recall: (callbackId: string) => Promise<unknown>;
  store: (callbackId: string, answer: unknown) => Promise<void>;
}

export type ActionAnswer = { outputFields: OutputFields; replayed: boolean; decided: boolean };

export async function answerAction(req: ActionRequest, deps: DecideActionDeps): Promise<ActionAnswer> {
  const stored = await deps.recall(req.callbackId);
  if (stored && typeof stored === 'object' && 'outputFields' in stored) {
    return { outputFields: (stored as { outputFields: OutputFields }).outputFields, replayed: true, decided: true };
  }
  const contactId = contactIdOf(req);
  if (!contactId) return { outputFields: safeDefaultOutputs(deps.config, 'the action was called without a contact (object.objectId).'), replayed: false, decided: false };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`HubSpot did not answer within ${deps.budgetMs} ms; the decision will be retried.`)), deps.budgetMs);
  });
  try {
    const reply = await Promise.race([deps.rescore(contactId), late]);
    const answer = { outputFields: outputsOf(reply) };
    // Only a real decision is remembered: a fallback answer must not stick to the enrollment.
    await deps.store(req.callbackId, answer);
    return { ...answer, replayed: false, decided: true };
  } catch (error) {
    const why = error instanceof Error && error.message.startsWith('HubSpot did not answer') ? error.message : failureSentence(error);
    return { outputFields: safeDefaultOutputs(deps.config, why), replayed: false, decided: false };
  } finally {
    clearTimeout(timer);
  }
}
