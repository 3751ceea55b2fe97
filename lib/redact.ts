// One place that keeps secrets out of every message we print, log or return: HubSpot tokens,
// the client secret, AI and enrichment keys, and credentials inside URLs. Redaction happens on
// the WHOLE text before it is cut to one line, and each secret is also redacted piece by piece
// (split at control characters), so a token with a line break cannot leak its first half.

/** Environment variables whose values are secrets. */
export const SECRET_VARIABLES = [
  'HUBSPOT_ACCESS_TOKEN', 'PRIVATE_APP_ACCESS_TOKEN', 'HUBSPOT_CLIENT_SECRET',
  'LEAD_DECISIONS_AI_API_KEY', 'LEAD_DECISIONS_ENRICHMENT_HEADERS',
] as const;

// Any other variable named like a secret is treated as one too (e.g. a header's ${ENRICH_API_KEY}).
const SECRET_NAME = /(TOKEN|SECRET|API_KEY|APIKEY|PASSWORD|PASSWD)$/i;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;
// scheme://user[:password]@ — the user-info part of any URL in a message.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
const MIN_SECRET = 4;

export const REDACTED = '[redacted]';

/** True when the value holds a line break, NUL, ESC or another control character. */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** The secret values found in an environment (empty ones skipped). */
export function secretsFromEnv(env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if ((SECRET_VARIABLES as readonly string[]).includes(name) || SECRET_NAME.test(name)) out.push(value, value.trim());
  }
  return out;
}

function pieces(secret: string): string[] {
  const parts = secret.split(CONTROL_ALL).map((p) => p.trim()).filter((p) => p.length >= MIN_SECRET);
  return [secret, secret.trim(), ...parts].filter((p) => p.length >= MIN_SECRET);
}

/** Replaces every secret (and every control-character-separated piece of one) and any URL credentials. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  const all = [...new Set(secrets.flatMap((s) => (s ? pieces(s) : [])))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of all) out = out.split(secret).join(REDACTED);
  return out.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
}

/** A URL as we may print it: without user name or password. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return redact(url);
  }
}

/** Control characters shown as escapes (\n, \u001b), so a message cannot move the cursor or ring the bell. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL_ALL, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** One printable line from any error: redacted first, then cut to its first line, control characters escaped. */
export function safeMessage(error: unknown, secrets: readonly (string | undefined)[] = []): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = redact(raw, secrets).split(/\r?\n|\r/)[0] ?? '';
  return escapeControl(line).trim();
}
