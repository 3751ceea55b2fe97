// HubSpot's standard property definitions and groups per object (the subset this product and its tests touch).
import type { ObjectType } from './object-types.ts';

export type PropertyType = 'string' | 'number' | 'enumeration' | 'datetime' | 'date' | 'bool' | 'phone_number';

export interface PropertyOption { label: string; value: string; displayOrder: number; hidden: boolean; description?: string }

export interface PropertyDef {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  calculated: boolean;
  externalOptions: boolean;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  hubspotDefined: boolean;
  modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PropertyGroupDef { name: string; label: string; displayOrder: number; archived: boolean }

const FIELD_TYPES: Record<PropertyType, string> = {
  string: 'text', number: 'number', enumeration: 'select', datetime: 'date', date: 'date', bool: 'booleancheckbox', phone_number: 'phonenumber',
};
const EPOCH = '2019-08-06T02:43:14.491Z';

interface Spec { group?: string; options?: string[] | [string, string][]; readOnly?: boolean; calculated?: boolean; fieldType?: string; unique?: boolean }

export function option(value: string, label: string, displayOrder: number): PropertyOption {
  return { label, value, displayOrder, hidden: false };
}

function def(name: string, label: string, type: PropertyType, spec: Spec = {}): PropertyDef {
  const options = (spec.options ?? []).map((o, i) => (Array.isArray(o) ? option(o[0], o[1], i) : option(o, o, i)));
  return {
    name, label, type, fieldType: spec.fieldType ?? FIELD_TYPES[type], groupName: spec.group ?? 'contactinformation', description: '', options,
    displayOrder: -1, calculated: spec.calculated ?? false, externalOptions: false, hasUniqueValue: spec.unique ?? false, hidden: false,
    formField: !spec.readOnly, hubspotDefined: true,
    modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: spec.readOnly ?? false },
    createdAt: EPOCH, updatedAt: EPOCH, archived: false,
  };
}

const ro = { readOnly: true };
const analytics = { group: 'analyticsinformation', readOnly: true, calculated: true };
const OWNER = ['hubspot_owner_id', 'Contact owner', 'enumeration', { fieldType: 'select' }] as const;

export const LIFECYCLE_STAGES: [string, string][] = [
  ['subscriber', 'Subscriber'], ['lead', 'Lead'], ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'], ['opportunity', 'Opportunity'], ['customer', 'Customer'],
  ['evangelist', 'Evangelist'], ['other', 'Other'],
];
export const LEAD_STATUSES: [string, string][] = [
  ['NEW', 'New'], ['OPEN', 'Open'], ['IN_PROGRESS', 'In Progress'], ['OPEN_DEAL', 'Open Deal'],
  ['UNQUALIFIED', 'Unqualified'], ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'], ['CONNECTED', 'Connected'], ['BAD_TIMING', 'Bad Timing'],
];
export const DEAL_STAGES: [string, string][] = [
  ['appointmentscheduled', 'Appointment Scheduled'], ['qualifiedtobuy', 'Qualified To Buy'], ['presentationscheduled', 'Presentation Scheduled'],
  ['decisionmakerboughtin', 'Decision Maker Bought-In'], ['contractsent', 'Contract Sent'], ['closedwon', 'Closed Won'], ['closedlost', 'Closed Lost'],
];
export const INDUSTRIES = [
  'COMPUTER_SOFTWARE', 'INFORMATION_TECHNOLOGY_AND_SERVICES', 'INTERNET', 'FINANCIAL_SERVICES', 'BANKING', 'HOSPITAL_HEALTH_CARE',
  'MARKETING_AND_ADVERTISING', 'RETAIL', 'MANUFACTURING', 'EDUCATION_MANAGEMENT', 'HIGHER_EDUCATION', 'TELECOMMUNICATIONS',
  'AUTOMOTIVE', 'CONSTRUCTION', 'LOGISTICS_AND_SUPPLY_CHAIN', 'INSURANCE', 'REAL_ESTATE', 'NON_PROFIT_ORGANIZATION_MANAGEMENT',
  'COMPUTER_NETWORK_SECURITY', 'MANAGEMENT_CONSULTING', 'GOVERNMENT_ADMINISTRATION', 'FOOD_BEVERAGES', 'PHARMACEUTICALS',
];

/** HubSpot's stage-entry date property of a lifecycle stage (`hs_v2_date_entered_<stage id>`). */
export const stageEnteredProperty = (stage: string): string => `hs_v2_date_entered_${stage}`;

const common = (group: string): PropertyDef[] => [
  def('hs_object_id', 'Record ID', 'number', { group, ...ro }),
  def('createdate', 'Create Date', 'datetime', { group, ...ro }),
  def('hs_createdate', 'Object create date/time', 'datetime', { group, ...ro }),
  def('hs_lastmodifieddate', 'Last Modified Date', 'datetime', { group, ...ro }),
];

const contacts: PropertyDef[] = [
  ...common('contactinformation'),
  def('lastmodifieddate', 'Last Modified Date', 'datetime', ro),
  def('email', 'Email', 'string', { unique: true }),
  def('firstname', 'First Name', 'string'), def('lastname', 'Last Name', 'string'),
  def('phone', 'Phone Number', 'phone_number'), def('mobilephone', 'Mobile Phone Number', 'phone_number'),
  def('jobtitle', 'Job Title', 'string'), def('company', 'Company Name', 'string'), def('website', 'Website URL', 'string'),
  def('city', 'City', 'string'), def('state', 'State/Region', 'string'), def('country', 'Country/Region', 'string'),
  def('zip', 'Postal Code', 'string'), def('address', 'Street Address', 'string'), def('message', 'Message', 'string', { fieldType: 'textarea' }),
  def('industry', 'Industry', 'string'), def('numemployees', 'Number of Employees', 'string'), def('annualrevenue', 'Annual Revenue', 'string'),
  def('hs_email_domain', 'Email Domain', 'string', ro),
  def('lifecyclestage', 'Lifecycle Stage', 'enumeration', { options: LIFECYCLE_STAGES, fieldType: 'radio' }),
  def('hs_lead_status', 'Lead Status', 'enumeration', { options: LEAD_STATUSES, group: 'sales_properties', fieldType: 'radio' }),
  def(OWNER[0], OWNER[1], OWNER[2], { ...OWNER[3], group: 'sales_properties' }),
  def('notes_last_contacted', 'Last Contacted', 'datetime', { group: 'sales_properties', ...ro }),
  def('hubspot_owner_assigneddate', 'Owner assigned date', 'datetime', { group: 'sales_properties', ...ro }),
  def('hs_last_sales_activity_timestamp', 'Last engagement date', 'datetime', { group: 'sales_properties', ...ro }),
  def('notes_last_updated', 'Last Activity Date', 'datetime', { group: 'sales_properties', ...ro }),
  def('num_conversion_events', 'Number of Form Submissions', 'number', { group: 'conversioninformation', ...ro, calculated: true }),
  def('recent_conversion_date', 'Recent Conversion Date', 'datetime', { group: 'conversioninformation', ...ro, calculated: true }),
  def('recent_conversion_event_name', 'Recent Conversion', 'string', { group: 'conversioninformation', ...ro, calculated: true }),
  def('first_conversion_date', 'First Conversion Date', 'datetime', { group: 'conversioninformation', ...ro, calculated: true }),
  def('hs_analytics_num_page_views', 'Number of Pageviews', 'number', analytics),
  // Email and meeting activity the engine scores from its history (lib/core/activity-properties.ts).
  def('hs_email_click', 'Marketing emails clicked', 'number', { group: 'emailinformation', ...ro, calculated: true }),
  def('hs_email_replied', 'Marketing emails replied', 'number', { group: 'emailinformation', ...ro, calculated: true }),
  def('engagements_last_meeting_booked', 'Date of last meeting booked in meetings tool', 'datetime', { group: 'sales_properties', ...ro }),
  def('hs_analytics_num_visits', 'Number of Sessions', 'number', analytics),
  def('hs_analytics_last_visit_timestamp', 'Time of Last Session', 'datetime', analytics),
  def('hs_analytics_first_timestamp', 'Time First Seen', 'datetime', analytics),
  def('hs_analytics_source', 'Original Source', 'enumeration', {
    ...analytics, options: ['ORGANIC_SEARCH', 'PAID_SEARCH', 'EMAIL_MARKETING', 'SOCIAL_MEDIA', 'REFERRALS', 'OTHER_CAMPAIGNS', 'DIRECT_TRAFFIC', 'OFFLINE', 'PAID_SOCIAL'],
  }),
  def('hs_analytics_source_data_1', 'Original Source Drill-Down 1', 'string', analytics),
  def('hs_analytics_source_data_2', 'Original Source Drill-Down 2', 'string', analytics),
  def('hs_first_outreach_date', 'First outreach date', 'datetime', { group: 'sales_properties', ...ro, calculated: true }),
  // Kept by HubSpot whenever the lifecycle stage changes (ObjectsRepo sets them on every write).
  ...LIFECYCLE_STAGES.map(([value, label]) => def(stageEnteredProperty(value), `Date entered "${label} (Lifecycle Stage Pipeline)"`, 'datetime', { ...ro, calculated: true })),
  def('associatedcompanyid', 'Primary Associated Company ID', 'number', ro),
  def('hs_language', 'Preferred language', 'string'),
];

const companies: PropertyDef[] = [
  ...common('companyinformation'),
  ...['name:Company name', 'domain:Company Domain Name', 'website:Website URL', 'city:City', 'state:State/Region', 'country:Country/Region', 'phone:Phone Number', 'description:Description']
    .map((s) => { const [n, l] = s.split(':') as [string, string]; return def(n, l, 'string', { group: 'companyinformation' }); }),
  def('industry', 'Industry', 'enumeration', { group: 'companyinformation', options: INDUSTRIES }),
  def('numberofemployees', 'Number of Employees', 'number', { group: 'companyinformation' }),
  def('annualrevenue', 'Annual Revenue', 'number', { group: 'companyinformation' }),
  def('lifecyclestage', 'Lifecycle Stage', 'enumeration', { group: 'companyinformation', options: LIFECYCLE_STAGES }),
  def(OWNER[0], 'Company owner', OWNER[2], { ...OWNER[3], group: 'companyinformation' }),
  def('num_associated_contacts', 'Number of Associated Contacts', 'number', { group: 'companyinformation', ...ro, calculated: true }),
];

const deals: PropertyDef[] = [
  ...common('dealinformation'),
  def('dealname', 'Deal Name', 'string', { group: 'dealinformation' }),
  def('amount', 'Amount', 'number', { group: 'dealinformation' }),
  def('dealstage', 'Deal Stage', 'enumeration', { group: 'dealinformation', options: DEAL_STAGES, fieldType: 'radio' }),
  def('pipeline', 'Pipeline', 'enumeration', { group: 'dealinformation', options: [['default', 'Sales Pipeline']] }),
  def('closedate', 'Close Date', 'datetime', { group: 'dealinformation' }),
  def('dealtype', 'Deal Type', 'enumeration', { group: 'dealinformation', options: [['newbusiness', 'New Business'], ['existingbusiness', 'Existing Business']] }),
  def(OWNER[0], 'Deal owner', OWNER[2], { ...OWNER[3], group: 'dealinformation' }),
  def('hs_is_closed_won', 'Is Closed Won', 'bool', { group: 'dealinformation', ...ro, calculated: true }),
];

const tasks: PropertyDef[] = [
  ...common('taskinformation'),
  def('hs_task_subject', 'Task Title', 'string', { group: 'taskinformation' }),
  def('hs_task_body', 'Notes', 'string', { group: 'taskinformation', fieldType: 'textarea' }),
  def('hs_task_status', 'Task Status', 'enumeration', { group: 'taskinformation', options: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'] }),
  def('hs_task_priority', 'Priority', 'enumeration', { group: 'taskinformation', options: ['NONE', 'LOW', 'MEDIUM', 'HIGH'] }),
  def('hs_task_type', 'Task Type', 'enumeration', { group: 'taskinformation', options: ['CALL', 'EMAIL', 'TODO', 'LINKED_IN', 'MEETING'] }),
  def('hs_timestamp', 'Due date', 'datetime', { group: 'taskinformation' }),
  def(OWNER[0], 'Assigned to', OWNER[2], { ...OWNER[3], group: 'taskinformation' }),
];

const notes: PropertyDef[] = [
  ...common('noteinformation'),
  def('hs_note_body', 'Note body', 'string', { group: 'noteinformation', fieldType: 'html' }),
  def('hs_timestamp', 'Activity date', 'datetime', { group: 'noteinformation' }),
  def(OWNER[0], 'Activity assigned to', OWNER[2], { ...OWNER[3], group: 'noteinformation' }),
];

const leads: PropertyDef[] = [
  ...common('leadinformation'),
  def('hs_lead_name', 'Lead name', 'string', { group: 'leadinformation' }),
  def('hs_pipeline', 'Pipeline', 'enumeration', { group: 'leadinformation', options: [['lead-pipeline-id', 'Lead pipeline']] }),
  def('hs_pipeline_stage', 'Stage', 'enumeration', { group: 'leadinformation', options: [['new-stage-id', 'New'], ['attempting-stage-id', 'Attempting'], ['connected-stage-id', 'Connected'], ['qualified-stage-id', 'Qualified'], ['unqualified-stage-id', 'Disqualified']] }),
  def(OWNER[0], 'Lead owner', OWNER[2], { ...OWNER[3], group: 'leadinformation' }),
];

// The users object. Whether a portal has an availability / out-of-office property, and its name,
// is unconfirmed (HUBSPOT.md): the emulator offers both plausible names so readers can discover them.
const users: PropertyDef[] = [
  ...common('userinformation'),
  def('hs_email', 'Email', 'string', { group: 'userinformation', ...ro }),
  def('hs_given_name', 'First name', 'string', { group: 'userinformation', ...ro }),
  def('hs_family_name', 'Last name', 'string', { group: 'userinformation', ...ro }),
  def('hs_internal_user_id', 'User id', 'number', { group: 'userinformation', ...ro }),
  def('hs_out_of_office', 'Out of office', 'bool', { group: 'userinformation', options: [['true', 'Yes'], ['false', 'No']] }),
  def('hs_availability_status', 'Availability status', 'enumeration', { group: 'userinformation', options: [['available', 'Available'], ['away', 'Away']] }),
];

export const STANDARD_PROPERTIES: Record<ObjectType, PropertyDef[]> = { contacts, companies, deals, notes, tasks, leads, users };

const group = (name: string, label: string, displayOrder: number): PropertyGroupDef => ({ name, label, displayOrder, archived: false });
export const STANDARD_GROUPS: Record<ObjectType, PropertyGroupDef[]> = {
  contacts: [group('contactinformation', 'Contact information', 0), group('sales_properties', 'Sales properties', 1),
    group('conversioninformation', 'Conversion information', 2), group('analyticsinformation', 'Web analytics history', 3),
    group('emailinformation', 'Email information', 4)],
  companies: [group('companyinformation', 'Company information', 0)],
  deals: [group('dealinformation', 'Deal information', 0)],
  notes: [group('noteinformation', 'Note information', 0)],
  tasks: [group('taskinformation', 'Task information', 0)],
  leads: [group('leadinformation', 'Lead information', 0)],
  users: [group('userinformation', 'User information', 0)],
};

/** A property definition as created through the API (custom, writable). */
export function customProperty(fields: Pick<PropertyDef, 'name' | 'label' | 'type' | 'fieldType' | 'groupName'> & Partial<PropertyDef>, now: string): PropertyDef {
  return {
    description: '', options: [], displayOrder: -1, calculated: false, externalOptions: false, hasUniqueValue: false, hidden: false, formField: false,
    ...fields, hubspotDefined: false,
    modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
    createdAt: now, updatedAt: now, archived: false,
  };
}
