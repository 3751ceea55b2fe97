import { describe, expect, it } from 'vitest';
import { companyKeyFrom, FREE_MAIL_DOMAIN_COUNT, isFreeMailDomain, registrableDomain } from '../../../lib/core/normalize/index.ts';

describe('registrableDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['ACME.COM', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['mail.acme.co.uk', 'acme.co.uk'],
    ['https://www.Acme.com/about?x', 'acme.com'],
    ['http://acme.com:8080/path#top', 'acme.com'],
    ['acme.com/contact', 'acme.com'],
    ['//acme.com', 'acme.com'],
    ['http://user:pw@shop.acme.de', 'acme.de'],
    ['www.acme.com.', 'acme.com'],
    ['acme.com.au', 'acme.com.au'],
    ['eu.sales.acme.co.jp', 'acme.co.jp'],
    ['acme.github.io', 'acme.github.io'],
    ['https://acme.myshopify.com', 'acme.myshopify.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['jane@acme.com', 'acme.com'],
  ])('%s → %s', (input, domain) => {
    expect(registrableDomain(input)).toMatchObject({ ok: true, domain });
  });

  it.each([
    ['192.168.0.1', 'host_is_ip'],
    ['http://10.0.0.1:3000/', 'host_is_ip'],
    ['[::1]', 'host_is_ip'],
    ['localhost', 'host_is_localhost'],
    ['http://localhost:3000', 'host_is_localhost'],
    ['localhost:8080', 'host_is_localhost'],
    ['acme.local', 'host_unknown_suffix'],
    ['acme.internal', 'host_unknown_suffix'],
    ['acme', 'host_unknown_suffix'],
    ['co.uk', 'host_is_public_suffix'],
    ['com', 'host_is_public_suffix'],
    ['exa mple.com', 'host_invalid'],
    ['-acme.com', 'host_invalid'],
    ['acme..com', 'host_invalid'],
    ['n/a', 'host_unknown_suffix'],
  ])('%s is rejected as %s', (input, code) => {
    expect(registrableDomain(input)).toMatchObject({ ok: false, code });
  });
});

describe('isFreeMailDomain', () => {
  it('loads the whole list', () => {
    expect(FREE_MAIL_DOMAIN_COUNT).toBeGreaterThan(10_000);
  });

  it.each([
    ['gmail.com', true], ['GMAIL.com', true], ['googlemail.com', true], ['outlook.com', true], ['hotmail.co.uk', true],
    ['yahoo.co.uk', true], ['web.de', true], ['gmx.de', true], ['t-online.de', true], ['orange.fr', true],
    ['icloud.com', true], ['proton.me', true], ['mailinator.com', true], ['qq.com', true], ['uol.com.br', true],
    ['acme.com', false], ['hubspot.com', false], ['google.com', false], ['microsoft.com', false], ['acme.co.uk', false],
  ])('%s → %s', (domain, free) => {
    expect(isFreeMailDomain(domain)).toBe(free);
  });
});

describe('companyKeyFrom', () => {
  it.each([
    [{ companyDomain: 'acme.com', website: 'other.com', emailDomain: 'x.com' }, 'acme.com', 'company_key_from_company_domain'],
    [{ companyDomain: 'https://www.Acme.co.uk/', emailDomain: 'gmail.com' }, 'acme.co.uk', 'company_key_from_company_domain'],
    [{ companyDomain: null, website: 'https://www.Acme.com/about?x', emailDomain: 'gmail.com' }, 'acme.com', 'company_key_from_website'],
    [{ companyDomain: '', website: 'acme.io:443', emailDomain: null }, 'acme.io', 'company_key_from_website'],
    [{ emailDomain: 'mail.acme.co.uk' }, 'acme.co.uk', 'company_key_from_email'],
    [{ website: '   ', emailDomain: 'acme.com' }, 'acme.com', 'company_key_from_email'],
    [{ emailDomain: 'gmail.com' }, null, 'freemail_domain'],
    [{ website: null, emailDomain: 'yahoo.co.uk' }, null, 'freemail_domain'],
    [{}, null, 'company_key_missing'],
    [{ companyDomain: 42, website: {}, emailDomain: null }, null, 'company_key_missing'],
  ])('%j → %s (%s)', (sources, key, code) => {
    const r = companyKeyFrom(sources);
    expect(r.value.companyKey).toBe(key);
    expect(r.reasons.at(-1)?.code).toBe(code);
  });

  it('skips an unusable company domain and says why', () => {
    const r = companyKeyFrom({ companyDomain: '192.168.1.20', website: 'localhost:8080', emailDomain: 'acme.de' });
    expect(r.value).toEqual({ companyKey: 'acme.de', source: 'email', isFreeMail: false });
    expect(r.reasons.map((x) => x.code)).toEqual(['host_is_ip', 'host_is_localhost', 'company_key_from_email']);
  });

  it('flags free mail even when the company domain decides the key', () => {
    const r = companyKeyFrom({ companyDomain: 'acme.com', emailDomain: 'gmail.com' });
    expect(r.value).toEqual({ companyKey: 'acme.com', source: 'company_domain', isFreeMail: true });
  });

  it('explains a free-mail-only lead in words a rep can read', () => {
    expect(companyKeyFrom({ emailDomain: 'gmail.com' }).reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "freemail_domain",
          "message": "gmail.com is a free-mail domain, so no company key",
        },
      ]
    `);
    expect(companyKeyFrom({ companyDomain: '10.0.0.1' }).reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "host_is_ip",
          "message": "The company domain “10.0.0.1” is an IP address, not a company domain, so it was not used for the company key.",
        },
        {
          "code": "company_key_missing",
          "message": "No company domain, website or valid work email, so no company key.",
        },
      ]
    `);
  });
});
