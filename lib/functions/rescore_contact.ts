// App function `rescore_contact` (called by the card's Re-score button).
// Bundled to src/app/functions/dist/rescore_contact.js by `npm run build`.
import { RescoreReplySchema, type RescoreReply } from '../core/reply.ts';
import { rescoreContact } from '../services/rescore.ts';
import { depsFromEnv } from './adapters.ts';
import type { Config } from '../core/config.ts';
import { contactIdOf, toFunctionError, type Env, type FunctionContext } from './shell.ts';

export async function handleRescore(context: FunctionContext, env: Env, config?: Config): Promise<RescoreReply> {
  const id = contactIdOf(context);
  if (!id.ok) return { ok: false, contactId: null, error: id.error };
  let reply: RescoreReply;
  try {
    reply = await rescoreContact(id.id, depsFromEnv(env, config));
  } catch (error) {
    reply = { ok: false, contactId: id.id, error: toFunctionError(error, env) };
  }
  // The card parses the same schema: a reply that does not fit is a bug here, caught here.
  return RescoreReplySchema.parse(reply);
}

export const main = (context: FunctionContext): Promise<RescoreReply> => handleRescore(context, process.env);
