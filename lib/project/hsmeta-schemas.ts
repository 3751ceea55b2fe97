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
