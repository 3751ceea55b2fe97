// App function `decision_history` (the card's Why? view): past decisions from property history.
import { DecisionHistoryReplySchema, type DecisionHistoryReply } from '../core/reply.ts';
import { hubspotBaseUrl, readToken } from '../adapters/index.ts';
import { createRescoreGateway } from '../adapters/hubspot/rescore-gateway.ts';
import { FUNCTION_RETRIES } from './adapters.ts';
import { decisionHistory } from '../services/history.ts';
import { contactIdOf, toFunctionError, type Env, type FunctionContext } from './shell.ts';

export async function handleHistory(context: FunctionContext, env: Env): Promise<DecisionHistoryReply> {
  const id = contactIdOf(context);
  if (!id.ok) return { ok: false, contactId: null, error: id.error };
  let reply: DecisionHistoryReply;
  try {
    const crm = createRescoreGateway({ accessToken: readToken(env), basePath: hubspotBaseUrl(env), retries: FUNCTION_RETRIES });
    reply = await decisionHistory(id.id, crm);
  } catch (error) {
    reply = { ok: false, contactId: id.id, error: toFunctionError(error, env) };
  }
  return DecisionHistoryReplySchema.parse(reply);
}

export const main = (context: FunctionContext): Promise<DecisionHistoryReply> => handleHistory(context, process.env);
