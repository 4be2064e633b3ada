// Source: SPEC §3 Documents (AZ-configure-2021/2022, PC-configure-2023, PC-req-2023, AZ-rad-2021).
// The data lives in the zod-free module beside this one; this adds the schemas.
import { z } from 'zod';
import { DOCUMENT_EXTENSIONS, DOCUMENT_KIND_IDS } from './documents.data';

export * from './documents.data';

export const DocumentKindIdSchema = z.enum(DOCUMENT_KIND_IDS);

export const DocumentExtensionSchema = z.enum(DOCUMENT_EXTENSIONS);

export const DocumentSizeLimitsSchema = z.strictObject({
  videoMaxBytes: z.number().int().positive(),
  otherMaxBytes: z.number().int().positive(),
});
