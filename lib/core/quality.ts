// Data-quality gates: a disposable address or a role account (info@, sales@…)
// caps the tier, so neither becomes an MQL with a task on its own; a free-mail
// address is only a small fit signal (scored in score.ts). Each gate names
// itself in the reasons with a stable code.
import type { Config } from './config.ts';
import type { Tier } from './contract.ts';
import { registrableDomain } from './normalize/company-key.ts';
import { BoundedCache } from './normalize/text.ts';
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
  const at = email.lastIndexOf('@');
  const plus = email.indexOf('+');
  return email.slice(0, plus > 0 && plus < at ? plus : at);
}

// Domains repeat across contacts; the disposable verdict (a registrable-domain parse and two set lookups) is kept per domain.
const disposableByDomain = new BoundedCache<boolean>(20_000);

function isDisposable(domain: string): boolean {
  let verdict = disposableByDomain.get(domain);
  if (verdict === undefined) {
    const host = registrableDomain(domain);
    verdict = isDisposableDomain(domain, host.ok ? host.domain : null);
    disposableByDomain.set(domain, verdict);
  }
  return verdict;
}

function capped(tier: Tier, cap: Tier): Tier {
  return RANK[tier] > RANK[cap] ? cap : tier;
}

// Most contacts pass every gate: they share one frozen stage per tier (a decision allocates enough already).
const PASS: Record<Tier, Stage<QualityResult>> = {
  high: passStage('high'), medium: passStage('medium'), low: passStage('low'),
};

function passStage(tier: Tier): Stage<QualityResult> {
  return Object.freeze({ value: Object.freeze({ tier, disposable: false, roleAccount: false }), reasons: Object.freeze([]) as unknown as Reason[] });
}

/** Applies the gates to the scored tier. Never throws. */
export function qualityGates(input: QualityInput, tier: Tier, config: Config): Stage<QualityResult> {
  if (input.email === null || input.emailDomain === null) return PASS[tier];
  const dq = config.dataQuality;
  const disposable = isDisposable(input.emailDomain);
  const local = localPart(input.email);
  const roleAccount = roleSet(config).has(local);
  const freeMail = input.isFreeMail && config.scoring.fit.freeMail !== 0;
  if (!disposable && !roleAccount && !freeMail) return PASS[tier];
  const reasons: Reason[] = [];
  let out = tier;
  if (disposable) {
    out = capped(out, dq.disposableEmailMaxTier);
    reasons.push({ code: 'quality_disposable_email', message: `${input.emailDomain} is a disposable-mail domain, so the tier is at most ${dq.disposableEmailMaxTier}.` });
  }
  if (roleAccount) {
    out = capped(out, dq.roleAccountMaxTier);
    reasons.push({ code: 'quality_role_account', message: `${local}@ is a shared role inbox, not a person, so the tier is at most ${dq.roleAccountMaxTier}.` });
  }
  if (freeMail) reasons.push(FREE_MAIL_REASONS.get(input.emailDomain, config.scoring.fit.freeMail));
  if (out !== tier) reasons.push({ code: 'quality_tier_capped', message: `Tier lowered from ${tier} to ${out} by the data-quality gates.` });
  return { value: { tier: out, disposable, roleAccount }, reasons };
}

// One frozen reason per free-mail domain and points: gmail.com repeats on every other contact.
const FREE_MAIL_REASONS = {
  memo: new Map<string, Reason>(),
  get(domain: string, points: number): Reason {
    const key = `${points}|${domain}`;
    let reason = this.memo.get(key);
    if (reason === undefined) {
      reason = Object.freeze({ code: 'quality_free_mail', message: `${domain} is a free-mail address, a small fit signal (${signed(points)}).` });
      if (this.memo.size >= 5_000) this.memo.clear();
      this.memo.set(key, reason);
    }
    return reason;
  },
};

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
