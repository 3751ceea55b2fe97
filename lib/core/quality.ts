// Data-quality gates: a disposable address or a role account (info@, sales@…)
// caps the tier, so neither becomes an MQL with a task on its own; a free-mail
// address is only a small fit signal (scored in score.ts). Each gate names
// itself in the reasons with a stable code.
import type { Config } from './config.ts';
import type { Tier } from './contract.ts';
import { registrableDomain } from './normalize/company-key.ts';
import { isDisposableDomain } from './normalize/disposable.ts';
import type { Reason, Stage } from './types.ts';

const RANK: Record<Tier, number> = { low: 0, medium: 1, high: 2 };

export interface QualityInput {
  /** The valid, lower-cased email (null when missing or invalid). */
  email: string | null;
  emailDomain: string | null;
  isFreeMail: boolean;
}

export interface QualityResult {
  tier: Tier;
  disposable: boolean;
  roleAccount: boolean;
}

const roleSets = new WeakMap<object, ReadonlySet<string>>();

function roleSet(config: Config): ReadonlySet<string> {
  let set = roleSets.get(config.dataQuality);
  if (!set) {
    set = new Set(config.dataQuality.roleAccounts.map((r) => r.toLowerCase()));
    roleSets.set(config.dataQuality, set);
  }
  return set;
}

/** The local part without a +tag: "info+web@acme.com" → "info". */
function localPart(email: string): string {
  const local = email.slice(0, email.lastIndexOf('@'));
  const plus = local.indexOf('+');
  return plus > 0 ? local.slice(0, plus) : local;
}

function capped(tier: Tier, cap: Tier): Tier {
  return RANK[tier] > RANK[cap] ? cap : tier;
}

/** Applies the gates to the scored tier. Never throws. */
export function qualityGates(input: QualityInput, tier: Tier, config: Config): Stage<QualityResult> {
  const reasons: Reason[] = [];
  const dq = config.dataQuality;
  let out = tier;
  let disposable = false;
  let roleAccount = false;
  if (input.email !== null && input.emailDomain !== null) {
    const host = registrableDomain(input.emailDomain);
    disposable = isDisposableDomain(input.emailDomain, host.ok ? host.domain : null);
    if (disposable) {
      out = capped(out, dq.disposableEmailMaxTier);
      reasons.push({ code: 'quality_disposable_email', message: `${input.emailDomain} is a disposable-mail domain, so the tier is at most ${dq.disposableEmailMaxTier}.` });
    }
    const local = localPart(input.email);
    roleAccount = roleSet(config).has(local);
    if (roleAccount) {
      out = capped(out, dq.roleAccountMaxTier);
      reasons.push({ code: 'quality_role_account', message: `${local}@ is a shared role inbox, not a person, so the tier is at most ${dq.roleAccountMaxTier}.` });
    }
    if (input.isFreeMail && config.scoring.fit.freeMail !== 0) {
      reasons.push({ code: 'quality_free_mail', message: `${input.emailDomain} is a free-mail address, a small fit signal (${signed(config.scoring.fit.freeMail)}).` });
    }
  }
  if (out !== tier) reasons.push({ code: 'quality_tier_capped', message: `Tier lowered from ${tier} to ${out} by the data-quality gates.` });
  return { value: { tier: out, disposable, roleAccount }, reasons };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
