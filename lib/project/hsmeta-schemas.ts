// zod schemas of the hsmeta files this project ships (platform 2026.03), so a typo is
// caught offline before `hs project upload` (full validation needs a HubSpot account).
import { z } from 'zod';

const uid = z.string().regex(/^[a-z0-9_-]{1,64}$/i, 'uid: letters, digits, _ or -, at most 64 characters');

export const AppMetaSchema = z.object({
  uid,
  type: z.literal('app'),
  config: z.object({
    name: z.string().min(1).max(200),
    description: z.string().max(8192).optional(),
    distribution: z.literal('private'),
    auth: z.object({
      type: z.literal('static'),
      requiredScopes: z.array(z.string().regex(/^[a-z0-9._-]+$/)).min(1),
      optionalScopes: z.array(z.string()),
      conditionallyRequiredScopes: z.array(z.string()),
    }).strict(),
    permittedUrls: z.object({
      fetch: z.array(z.string().url()),
      iframe: z.array(z.string().url()),
      img: z.array(z.string().url()),
    }).strict(),
    support: z.object({
      supportEmail: z.string().email(),
      documentationUrl: z.string().url(),
      supportUrl: z.string().url(),
      supportPhone: z.string(),
    }).partial().optional(),
  }).strict(),
}).strict();

export const CardMetaSchema = z.object({
  uid,
  type: z.literal('card'),
  config: z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    previewImage: z.object({ file: z.string(), altText: z.string() }).optional(),
    location: z.enum(['crm.record.sidebar', 'crm.record.tab', 'crm.preview', 'helpdesk.sidebar']),
    entrypoint: z.string().regex(/^\/app\/cards\/[^/].*\.(tsx|jsx)$/, 'entrypoint must be /app/cards/<file>.tsx or .jsx'),
    objectTypes: z.array(z.string()).min(1),
  }).strict(),
}).strict();

export const FunctionMetaSchema = z.object({
  uid,
  type: z.literal('app-function'),
  config: z.object({
    entrypoint: z.string().regex(/^\/app\/functions\/.+\.(js|cjs)$/, 'entrypoint must be a .js file under /app/functions/'),
    secretKeys: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'secret keys are UPPER_SNAKE_CASE')),
  }).strict(),
}).strict();

export const HsProjectSchema = z.object({
  name: z.string().min(1),
  srcDir: z.string().min(1),
  platformVersion: z.literal('2026.03'),
}).strict();

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL (HubSpot calls only https)' });

export const WebhooksMetaSchema = z.object({
  uid,
  type: z.literal('webhooks'),
  config: z.object({
    settings: z.object({
      targetUrl: httpsUrl,
      maxConcurrentRequests: z.number().int().min(5, 'HubSpot needs at least 5 concurrent requests'),
    }).strict(),
    subscriptions: z.object({
      crmObjects: z.array(z.object({
        subscriptionType: z.enum(['object.creation', 'object.deletion', 'object.propertyChange', 'object.merge', 'object.restore', 'object.associationChange']),
        objectType: z.string().min(1),
        propertyName: z.string().min(1).optional(),
        active: z.boolean(),
      }).strict()).max(1000, 'HubSpot allows at most 1,000 subscriptions per app'),
      legacyCrmObjects: z.array(z.object({ subscriptionType: z.string(), propertyName: z.string().optional(), active: z.boolean() }).strict()).optional(),
      hubEvents: z.array(z.object({ subscriptionType: z.string(), active: z.boolean() }).strict()).optional(),
    }).strict(),
  }).strict(),
}).strict();

const fieldType = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'field names are snake_case'),
  type: z.enum(['string', 'number', 'bool', 'enumeration', 'datetime', 'date', 'phone_number', 'object_coordinates']),
  fieldType: z.string().min(1).optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() }).strict()).optional(),
}).strict();

export const WorkflowActionMetaSchema = z.object({
  uid,
  type: z.literal('workflow-action'),
  config: z.object({
    actionUrl: httpsUrl,
    isPublished: z.boolean().optional(),
    supportedClients: z.array(z.object({ client: z.enum(['WORKFLOWS', 'AGENTS']) }).strict()).min(1),
    inputFields: z.array(z.object({
      typeDefinition: fieldType,
      supportedValueTypes: z.array(z.enum(['STATIC_VALUE', 'OBJECT_PROPERTY', 'FIELD_DATA'])).min(1),
      isRequired: z.boolean(),
    }).strict()).optional(),
    // The 2026.03 template shows no output fields; this is the v4 action-definition shape [unconfirmed].
    outputFields: z.array(z.object({ typeDefinition: fieldType }).strict()).optional(),
    labels: z.object({
      en: z.object({
        actionName: z.string().min(1),
        actionDescription: z.string().optional(),
        actionCardContent: z.string().optional(),
        appDisplayName: z.string().optional(),
        inputFieldLabels: z.record(z.string(), z.string()).optional(),
        inputFieldDescriptions: z.record(z.string(), z.string()).optional(),
        outputFieldLabels: z.record(z.string(), z.string()).optional(),
      }).strict(),
    }).catchall(z.unknown()),
    objectTypes: z.array(z.enum(['CONTACT', 'COMPANY', 'DEAL', 'TICKET'])).min(1),
  }).strict(),
}).strict();
