// The engine's view of the outside world. Adapters in lib/adapters implement these;
// each has an in-memory fake and one contract test that runs against both.
import type { Classification, EnrichmentFacts, PropertyMap } from './core/types.ts';

export interface Clock {
  now(): Date;
}

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
}

export interface ContactWithCompany {
  contact: CrmRecord;
  company: CrmRecord | null;
  /** History of the contact properties asked for (newest first); present only when asked. */
  history?: Record<string, PropertyHistoryEntry[]>;
}

export interface ContactPage {
  results: ContactWithCompany[];
  after?: string;
}

export interface PropertyHistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
}

export interface BatchWriteResult {
  ok: string[];
  failed: { id: string; message: string; status?: number }[];
}

export interface TaskSpec {
  contactId: string;
  ownerId: string;
  subject: string;
  body: string;
  /** Stable key: a second call with the same key must not create a second task. */
  dedupeKey: string;
}

export interface OwnerRecord {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  teams: { id: string; name: string }[];
  archived: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'enumeration' | 'datetime' | 'bool' | 'phone_number';
  fieldType: string;
  groupName: string;
  description?: string;
  options?: { label: string; value: string; displayOrder?: number }[];
}

/** Out-of-office owners read from HubSpot's users object; `property` is the one the portal has (null: none found). */
export interface OwnerAvailability {
  property: string | null;
  unavailableOwnerIds: string[];
}

/** A HubSpot Lead (Sales workspace) for a routed contact. */
export interface LeadSpec {
  contactId: string;
  ownerId: string;
  name: string;
  pipeline: string;
  stage: string;
}

/** Routing reads and the optional Lead write; every method costs one round trip unless it says otherwise. */
export interface RoutingGateway {
  /**
   * Contacts assigned to each owner since the given time (owner assigned date), counted per owner in ONE
   * search over all the ids (a pool, or every capped owner); pages of 200 when the load is larger.
   * Owners with no contacts are 0.
   */
  countOwnerLoad(ownerIds: readonly string[], sinceIso: string): Promise<Record<string, number>>;
  /** Owners the users object marks out of office (property name unconfirmed: discovered from the portal's user properties). */
  readOwnerAvailability(): Promise<OwnerAvailability>;
  /** Creates the contact's Lead, or updates the one already associated with it (never a second one). */
  ensureLead(spec: LeadSpec): Promise<{ id: string; created: boolean }>;
}

export interface CrmGateway extends RoutingGateway {
  /** A contact with its primary company, in as few calls as possible; null if the contact does not exist. */
  getContactWithCompany(contactId: string, contactProperties: readonly string[], companyProperties: readonly string[]): Promise<ContactWithCompany | null>;
  /** Many contacts with their companies, using batch endpoints (≤ 100 per call; ≤ 50 when `historyProperties` are asked, HubSpot's cap). */
  getContactsWithCompanies(contactIds: readonly string[], contactProperties: readonly string[], companyProperties: readonly string[], historyProperties?: readonly string[]): Promise<ContactWithCompany[]>;
  /** One page (≤ 100; ≤ 50 with history) of all contacts with their companies, in id order: 2 calls per page. `after` is absent on the last page. */
  listContactsWithCompanies(page: { after?: string; limit?: number }, contactProperties: readonly string[], companyProperties: readonly string[], historyProperties?: readonly string[]): Promise<ContactPage>;
  updateContact(contactId: string, properties: Record<string, string>): Promise<void>;
  batchUpdateContacts(updates: readonly { id: string; properties: Record<string, string> }[]): Promise<BatchWriteResult>;
  /** Creates the task once per dedupeKey and associates it with the contact. */
  ensureTask(task: TaskSpec): Promise<{ id: string; created: boolean }>;
  getPropertyHistory(contactId: string, propertyNames: readonly string[]): Promise<Record<string, PropertyHistoryEntry[]>>;
  listOwners(): Promise<OwnerRecord[]>;
}

export interface PropertyGroupDefinition {
  name: string;
  label: string;
  displayOrder?: number;
}

/** Provisioning: the contact property group and properties this product writes. */
export interface PropertyAdmin {
  /** Creates the contact property group unless it exists. */
  ensurePropertyGroup(group: PropertyGroupDefinition): Promise<{ created: boolean }>;
  /** The contact property's definition, or null if it does not exist. */
  getContactProperty(name: string): Promise<PropertyDefinition | null>;
  /** Every contact property definition (one call): what provisioning compares against. */
  listContactProperties(): Promise<PropertyDefinition[]>;
  /** Creates the contact property; `created: false` when it already existed (HubSpot answers 409). */
  createContactProperty(definition: PropertyDefinition): Promise<{ created: boolean }>;
}

export interface CompanyWithHistory {
  company: CrmRecord;
  history: Record<string, PropertyHistoryEntry[]>;
}

/** Company look-ups the hubspot-company enrichment provider needs. */
export interface CompanyDirectory {
  /** The first company whose `domain` equals the key, or null. */
  findCompanyByDomain(domain: string, properties: readonly string[]): Promise<CrmRecord | null>;
  /** A company with the history of the given properties (newest first), or null if it does not exist. */
  getCompanyWithHistory(companyId: string, properties: readonly string[]): Promise<CompanyWithHistory | null>;
}

export interface EnrichmentProvider {
  readonly id: string;
  /** Facts for a company key; null when the provider knows nothing. Throws EnrichmentError on I/O failure. */
  lookup(companyKey: string, hints: { company: PropertyMap | null }): Promise<EnrichmentFacts | null>;
}

export interface ClassificationRequest {
  /** Whitelisted, already-redacted fields only. */
  fields: Record<string, string>;
  allowedTracks: readonly string[];
  /** Track id → the asset ids of its catalogue (config); when given, nextBestAsset must be one of the chosen track's ids. */
  allowedAssets?: Readonly<Record<string, readonly string[]>>;
}

export interface AiClassifier {
  readonly id: string;
  classify(request: ClassificationRequest): Promise<Classification>;
}

/** A task this product created earlier, found by the dedupe marker in its body. */
export interface NotificationRecord {
  dedupeKey: string;
  createdAt: string;
  ownerId: string | null;
}

/** Everything one re-score needs about a contact, read in two sequential round trips. */
export interface ContactSnapshot {
  contact: CrmRecord;
  company: CrmRecord | null;
  /** History of the company's fact properties (newest first), to tell person-set values apart. */
  companyHistory: Record<string, PropertyHistoryEntry[]>;
  /** History of the contact properties asked for (the activity the engine scores), newest first; absent when none was asked. */
  contactHistory?: Record<string, PropertyHistoryEntry[]>;
  /** Tasks this product created for the contact. */
  notifications: NotificationRecord[];
}

/** The reads and writes of a single-contact re-score, shaped for as few round trips as possible. */
export interface RescoreGateway extends RoutingGateway {
  /**
   * Contact with company and task associations and the history of `historyProperties` (1 call),
   * then company-with-history ∥ task bodies (1 round trip).
   */
  readSnapshot(contactId: string, contactProperties: readonly string[], companyProperties: readonly string[], historyProperties?: readonly string[]): Promise<ContactSnapshot | null>;
  /** Tasks owned by the owner created since the given time (1 search call). */
  countOwnerTasksSince(ownerId: string, sinceIso: string): Promise<number>;
  /** Creates the task associated with the contact (1 call), its dedupe key marked in the body. */
  createTask(task: TaskSpec): Promise<{ id: string }>;
  updateContact(contactId: string, properties: Record<string, string>): Promise<void>;
  getPropertyHistory(contactId: string, propertyNames: readonly string[]): Promise<Record<string, PropertyHistoryEntry[]>>;
}

/** A contact as bulk re-scoring reads it: properties, the history of the activity properties, its primary company id. */
export interface BulkContact {
  contact: CrmRecord;
  /** Property name → past values, newest first (empty when history was not asked for). */
  history: Record<string, PropertyHistoryEntry[]>;
  companyId: string | null;
}

export interface SearchFilter {
  propertyName: string;
  operator: 'EQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'NEQ' | 'HAS_PROPERTY';
  value?: string;
}

export interface TaskBatchResult {
  created: { contactId: string; dedupeKey: string; id: string }[];
  /** Tasks whose outcome is unknown or failed: check before creating them again. */
  failed: { contactId: string; dedupeKey: string; message: string }[];
}

/**
 * The reads and writes of bulk re-scoring, each method one HubSpot call (the service sizes the
 * batches: history reads take ≤ 50 objects, everything else ≤ 100).
 */
export interface BulkCrm {
  /** One page of all contacts in id order; `after` is absent on the last page. */
  listContacts(page: { after?: string; limit: number }, properties: readonly string[], historyProperties: readonly string[]): Promise<{ contacts: BulkContact[]; after?: string }>;
  /** Contacts by id; ids that do not exist come back in `missing`. */
  readContacts(ids: readonly string[], properties: readonly string[], historyProperties: readonly string[]): Promise<{ contacts: BulkContact[]; missing: string[] }>;
  /** Ids of contacts matching every filter with an id above `afterId`, ascending (search sorted by hs_object_id). */
  searchContactIds(filters: readonly SearchFilter[], afterId: string | null, limit: number): Promise<string[]>;
  /** Companies with the history of `historyProperties`; missing ids are left out. */
  readCompanies(ids: readonly string[], properties: readonly string[], historyProperties: readonly string[]): Promise<CompanyWithHistory[]>;
  batchUpdateContacts(updates: readonly { id: string; properties: Record<string, string> }[]): Promise<BatchWriteResult>;
  /** Creates tasks associated with their contacts, dedupe keys marked in the bodies. */
  createTasks(tasks: readonly TaskSpec[]): Promise<TaskBatchResult>;
  /** The dedupe keys of the tasks this product created for the contact (to check before creating again). */
  findTaskKeys(contactId: string): Promise<string[]>;
  /** Contacts assigned per owner since the time, in one search (RoutingGateway.countOwnerLoad); optional for gateways that cannot. */
  countOwnerLoad?(ownerIds: readonly string[], sinceIso: string): Promise<Record<string, number>>;
}
