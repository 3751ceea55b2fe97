import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../lib/core/normalize/index.ts';

describe('normalizeEmail', () => {
  it.each([
    ['jane@acme.com', 'jane@acme.com', 'acme.com'],
    ['  Jane.Doe@Acme.COM  ', 'jane.doe@acme.com', 'acme.com'],
    ['JOHN+crm@sub.acme.co.uk', 'john+crm@sub.acme.co.uk', 'sub.acme.co.uk'],
    ['o\'brien@example.ie', 'o\'brien@example.ie', 'example.ie'],
    ['first_last@my-company.io', 'first_last@my-company.io', 'my-company.io'],
    ['x@a.de', 'x@a.de', 'a.de'],
    ['müller@bücher.de', 'müller@bücher.de', 'bücher.de'],
    ['info@xn--bcher-kva.de', 'info@xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['\tsales@acme.com\n', 'sales@acme.com', 'acme.com'],
  ])('accepts %j as %s', (input, email, domain) => {
    const r = normalizeEmail(input);
    expect(r.value).toEqual({ email, valid: true, domain });
    expect(r.reasons[0]?.code).toBe('email_valid');
  });

  it.each([
    ['jane.acme.com', 'email_missing_at'],
    ['jane@@acme.com', 'email_multiple_at'],
    ['jane@acme@com.com', 'email_multiple_at'],
    ['jane doe@acme.com', 'email_has_spaces'],
    ['jane@acme', 'email_domain_no_dot'],
    ['jane@localhost', 'email_domain_no_dot'],
    ['.jane@acme.com', 'email_dot_misplaced'],
    ['jane.@acme.com', 'email_dot_misplaced'],
    ['jane@.acme.com', 'email_dot_misplaced'],
    ['jane@acme.com.', 'email_dot_misplaced'],
    ['ja..ne@acme.com', 'email_consecutive_dots'],
    ['jane@acme..com', 'email_consecutive_dots'],
    ['@acme.com', 'email_local_empty'],
    ['jane@', 'email_domain_empty'],
    [`${'a'.repeat(65)}@acme.com`, 'email_too_long'],
    [`jane@${'a'.repeat(250)}.com`, 'email_too_long'],
    ['jane@-acme.com', 'email_domain_invalid'],
    ['jane@acme-.com', 'email_domain_invalid'],
    ['jane@acme.c', 'email_domain_invalid'],
    ['jane@acme.123', 'email_domain_invalid'],
    ['jane@192.168.0.1', 'email_domain_invalid'],
    ['jane@[10.0.0.1]', 'email_domain_invalid'],
    ['jane@ac_me.com', 'email_domain_invalid'],
    ['jane@acme.con', 'email_unknown_tld'],
    ['jane@acme.local', 'email_unknown_tld'],
    ['jane@co.uk', 'email_unknown_tld'],
    ['ja(ne)@acme.com', 'email_invalid_characters'],
    ['"jane"@acme.com', 'email_invalid_characters'],
    ['jane,doe@acme.com', 'email_invalid_characters'],
  ])('rejects %j with %s', (input, code) => {
    const r = normalizeEmail(input);
    expect(r.value.valid).toBe(false);
    expect(r.value.domain).toBeNull();
    expect(r.reasons.map((x) => x.code)).toEqual([code]);
  });

  it.each([
    [null, 'email_missing'],
    [undefined, 'email_missing'],
    ['   ', 'email_missing'],
    [42, 'email_missing_at'],
    [true, 'email_not_text'],
    [{ email: 'jane@acme.com' }, 'email_not_text'],
    [['jane@acme.com'], 'email_not_text'],
    ['x'.repeat(5000), 'email_too_long'],
  ])('reports %j as %s', (input, code) => {
    const r = normalizeEmail(input);
    expect(r.value.valid).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual([code]);
  });

  it('explains without repeating the address', () => {
    expect(normalizeEmail('jane@@acme.com').reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "email_multiple_at",
          "message": "The email has more than one @ sign, so it is not valid.",
        },
      ]
    `);
    expect(normalizeEmail('jane@acme.con').reasons[0]?.message).toMatchInlineSnapshot(`"The email domain “acme.con” does not end in a known public suffix (like .com or .co.uk), so it is not valid."`);
    expect(normalizeEmail({}).reasons[0]?.message).toMatchInlineSnapshot(`"The email is an object, not text, so it was ignored."`);
  });
});

describe('normalizeEmail: pasted forms', () => {
  it.each([
    ['Jane Doe <jane@acme.com>', 'jane@acme.com', 'Name <address>'],
    ['"Doe, Jane" <Jane@Acme.com>', 'jane@acme.com', 'Name <address>'],
    ['<jane@acme.com>', 'jane@acme.com', 'Name <address>'],
    ['mailto:jane@acme.com', 'jane@acme.com', 'mailto:'],
    ['MAILTO:jane@acme.com?subject=Hello%20there', 'jane@acme.com', 'mailto:'],
    ['mailto:jane%40acme.com', 'jane@acme.com', 'mailto:'],
    ['Jane <mailto:jane@acme.com>', 'jane@acme.com', 'Name <address>'],
  ])('reads %j as %s', (input, email, form) => {
    const r = normalizeEmail(input);
    expect(r.value).toEqual({ email, valid: true, domain: 'acme.com' });
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]?.code).toBe('email_valid');
    expect(r.reasons[0]?.message).toContain(form);
  });

  it.each([
    ['Jane Doe <>', 'email_no_address'],
    ['mailto:', 'email_no_address'],
    ['Jane Doe <jane.acme.com>', 'email_missing_at'],
    ['mailto:jane@acme', 'email_domain_no_dot'],
    ['Jane <jane@acme.com> extra', 'email_has_spaces'],
  ])('still rejects %j with %s', (input, code) => {
    const r = normalizeEmail(input);
    expect(r.value.valid).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual([code]);
  });
});
