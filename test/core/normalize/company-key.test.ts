import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCKED_WEBSITE_DOMAINS } from '../../../lib/core/normalize/website-blocklist.ts';
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

describe('companyKeyFrom: websites that name no company', () => {
  it.each([
    ['gmail.com', 'a free-mail domain'], ['https://www.linkedin.com/company/acme', 'a social-network profile'],
    ['uk.linkedin.com/in/jane', 'a social-network profile'], ['facebook.com/acme', 'a social-network profile'],
    ['https://x.com/acme', 'a social-network profile'], ['twitter.com/acme', 'a social-network profile'],
    ['instagram.com/acme', 'a social-network profile'], ['github.com/acme', 'a social-network profile'],
    ['https://bit.ly/3xYz', 'a link shortener'], ['tinyurl.com/acme', 'a link shortener'],
    ['acme.wixsite.com/home', 'a free hosting or site-builder address'], ['acme.wordpress.com', 'a free hosting or site-builder address'],
    ['acme.blogspot.com', 'a free hosting or site-builder address'], ['acme.github.io', 'a free hosting or site-builder address'],
    ['acme.herokuapp.com', 'a free hosting or site-builder address'], ['acme.netlify.app', 'a free hosting or site-builder address'],
  ])('skips website %j (%s) for the work email domain', (website, what) => {
    const r = companyKeyFrom({ website, emailDomain: 'acme.com' });
    expect(r.value).toEqual({ companyKey: 'acme.com', source: 'email', isFreeMail: false });
    expect(r.reasons.map((x) => x.code)).toEqual(['website_not_company', 'company_key_from_email']);
    expect(r.reasons[0]?.message).toContain(what);
  });

  it('gives no key when the website is blocked and the email is free mail', () => {
    const r = companyKeyFrom({ website: 'linkedin.com/in/jane', emailDomain: 'gmail.com' });
    expect(r.value.companyKey).toBeNull();
    expect(r.reasons.map((x) => x.code)).toEqual(['website_not_company', 'freemail_domain']);
  });

  it.each(['acme.com', 'https://www.acme.io/about', 'linkedin-partners.com', 'bitly-consulting.de'])('keeps a company website %j', (website) => {
    expect(companyKeyFrom({ website, emailDomain: 'other.com' }).value.source).toBe('website');
  });

  it('never keys a contact by a blocked website', () => {
    fc.assert(fc.property(
      fc.constantFrom(...BLOCKED_WEBSITE_DOMAINS, 'gmail.com', 'yahoo.co.uk', 'web.de'),
      fc.constantFrom('', 'www.', 'acme.', 'uk.'),
      fc.constantFrom('', '/acme', '/in/jane?x=1'),
      fc.constantFrom(null, 'acme.com', 'gmail.com'),
      (domain, prefix, path, emailDomain) => {
        const website = `https://${prefix}${domain}${path}`;
        const key = companyKeyFrom({ website, emailDomain }).value.companyKey;
        // Either no key, or the work email's: never the blocked website's domain.
        expect([null, emailDomain === 'acme.com' ? 'acme.com' : null]).toContain(key);
      },
    ), { numRuns: 400 });
  });
});

describe('companyKeyFrom: tenant hosts', () => {
  it.each([
    ['contoso.onmicrosoft.com', 'contoso.onmicrosoft.com'], ['Contoso.OnMicrosoft.com', 'contoso.onmicrosoft.com'],
    ['contoso.mail.onmicrosoft.com', 'contoso.onmicrosoft.com'], ['fabrikam.onmicrosoft.com', 'fabrikam.onmicrosoft.com'],
    ['contoso.sharepoint.com', 'contoso.sharepoint.com'], ['contoso-my.sharepoint.com', 'contoso.sharepoint.com'],
    ['acme.atlassian.net', 'acme.atlassian.net'], ['acme.my.salesforce.com', 'acme.my.salesforce.com'],
  ])('keeps the tenant of %s → %s', (host, key) => {
    expect(registrableDomain(host)).toMatchObject({ ok: true, domain: key });
    expect(companyKeyFrom({ emailDomain: host.toLowerCase() }).value.companyKey).toBe(key);
  });

  it('keeps two tenants apart', () => {
    const a = companyKeyFrom({ emailDomain: 'contoso.onmicrosoft.com' }).value.companyKey;
    const b = companyKeyFrom({ emailDomain: 'fabrikam.onmicrosoft.com' }).value.companyKey;
    expect(a).not.toBe(b);
  });
});
