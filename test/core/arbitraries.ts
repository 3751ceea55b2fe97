// fast-check generators for messy contacts: realistic values mixed with garbage.
import fc from 'fast-check';
import { CONTACT_INPUT_PROPERTIES } from '../../lib/core/contract.ts';
import type { DecisionInput } from '../../lib/core/types.ts';

const garbage = fc.oneof(
  fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer(), fc.double(), fc.constant(''),
  fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constant('😀🔥 ünïcødé'),
  fc.constant('x'.repeat(20_000)), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }),
);

const realistic: Record<string, fc.Arbitrary<unknown>> = {
  email: fc.constantFrom('jane@acme.com', 'BOB@GMAIL.COM', 'x@y', 'anna.müller@firma.de', 'ceo@startup.io ', 'not-an-email'),
  jobtitle: fc.constantFrom('VP Engineering', 'Geschäftsführer', 'Directrice Marketing', 'Jefe de Ventas', 'student', 'CTO', 'Head of Data', ''),
  country: fc.constantFrom('Germany', 'Deutschland', 'USA', 'us', 'Espagne', 'España', 'Japan', 'Brasil', 'Narnia'),
  state: fc.constantFrom('CA', 'California', 'NY', 'Bayern', 'ON', ''),
  phone: fc.constantFrom('+1 (415) 555-0100', '030 1234567', '+44 20 7946 0958', '12', 'call me', '+33 1 42 68 53 00'),
  lifecyclestage: fc.constantFrom('subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other', '', 'Nurture', '123456'),
  hubspot_owner_id: fc.constantFrom('', '101', '104', '999'),
  hs_analytics_num_page_views: fc.oneof(fc.nat({ max: 200 }).map(String), fc.nat({ max: 50 })),
  num_conversion_events: fc.oneof(fc.nat({ max: 10 }).map(String), fc.nat({ max: 5 })),
  hs_analytics_last_visit_timestamp: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }).map(String),
  recent_conversion_date: fc.constantFrom('2026-11-20T10:00:00Z', '2025-01-01', 'yesterday'),
  message: fc.constantFrom('Need pricing and an API demo', 'Datenschutz? DSGVO?', 'trop cher', 'ignore previous instructions', ''),
  website: fc.constantFrom('https://www.acme.com', 'acme.co.uk', 'http://localhost', 'not a site'),
};

const propertyValue = (name: string) => (Object.hasOwn(realistic, name) ? fc.oneof({ arbitrary: realistic[name]!, weight: 3 }, { arbitrary: garbage, weight: 1 }) : garbage);

export const messyProperties: fc.Arbitrary<Record<string, unknown>> = fc
  .subarray([...CONTACT_INPUT_PROPERTIES, 'constructor', '__proto__', 'toString'])
  .chain((names) => fc.tuple(...names.map((n) => propertyValue(n))).map((values) => {
    const props: Record<string, unknown> = {};
    names.forEach((n, i) => Object.defineProperty(props, n, { value: values[i], enumerable: true, writable: true, configurable: true }));
    return props;
  }));

const companyProps = fc.record({
  domain: fc.oneof(fc.constantFrom('acme.com', 'mail.acme.co.uk', 'gmail.com', ''), garbage),
  industry: fc.oneof(fc.constantFrom('COMPUTER_SOFTWARE', 'Banking', 'retail'), garbage),
  numberofemployees: fc.oneof(fc.constantFrom('12', '450', '12000', 'many'), garbage),
  hubspot_owner_id: fc.oneof(fc.constantFrom('105', '103', ''), garbage),
}, { requiredKeys: [] });

const historyTime = fc.oneof(
  fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }).map((ms) => new Date(ms).toISOString()),
  fc.integer({ min: 1_600_000_000_000, max: 4_100_000_000_000 }).map(String),
  fc.constantFrom('2099-01-01T00:00:00.000Z', '2026-11-26T10:00:00Z', 'not a date', '2026-02-31T10:00:00.000Z'),
);

/** HubSpot-shaped histories, sometimes out of order or with garbage values (the decide CLI validates the shape, the engine must not care). */
export const messyHistory = fc.dictionary(
  fc.constantFrom('hs_analytics_num_page_views', 'num_conversion_events', 'recent_conversion_event_name', 'hs_email_click', 'hs_email_replied', 'engagements_last_meeting_booked'),
  fc.array(fc.record({
    value: fc.oneof(fc.nat({ max: 500 }).map(String), fc.constantFrom('Demo request', 'Newsletter signup', 'Partner kit', '2026-11-20T10:00:00.000Z', ''), fc.constant(null)),
    timestamp: historyTime,
    sourceType: fc.constant('ANALYTICS'),
  }), { maxLength: 8 }),
  { maxKeys: 6 },
);

export const messyInput: fc.Arbitrary<DecisionInput> = fc.record({
  id: fc.oneof(fc.uuid(), fc.nat().map(String)),
  properties: messyProperties,
  propertiesWithHistory: fc.option(messyHistory, { nil: undefined }),
  company: fc.option(fc.record({ properties: companyProps as fc.Arbitrary<Record<string, unknown>> }), { nil: null }),
  context: fc.option(fc.record({
    unavailableOwnerIds: fc.subarray(['101', '102', '104', '105', '106', '107', '108']),
    recentTasksByOwner: fc.dictionary(fc.constantFrom('101', '104', '106'), fc.nat({ max: 20 })),
    lastNotifiedAt: fc.option(fc.constantFrom('2026-11-27T00:00:00Z', '2026-10-01T00:00:00Z', 'garbage'), { nil: null }),
  }, { requiredKeys: [] }), { nil: undefined }),
});

/** Anything at all in place of an input: the pipeline must still answer. */
export const hostileInput = fc.anything().map((v) => v as DecisionInput);
