// Source: SPEC §3 Documents (AZ-configure-2021/2022, PC-configure-2023, PC-req-2023, AZ-rad-2021).
// Data only, no zod: the web app bundles it (`@cosell/core/reference-data`).
import type { CosellStatusId } from './cosell-statuses.data';

/** Stable ids of the co-sell document kinds. */
export const DOCUMENT_KIND_IDS = [
  'one-pager',
  'pitch-deck',
  'customer-case-study',
  'verifiable-customer-wins',
  'channel-pitch-deck',
  'reference-architecture-diagram',
  'other',
] as const;

export type DocumentKindId = (typeof DOCUMENT_KIND_IDS)[number];

/** Facts about one document kind. */
export interface DocumentKind {
  id: DocumentKindId;
  /** English name as in the 2021+ docs. */
  name: string;
  /** Earlier English names (2020 docs). */
  formerNames: readonly string[];
  /** How many documents of this kind one listing may hold. */
  maxCount: number;
  /**
   * Statuses that need this document under the 2021–2022 rules. Versions differ (SPEC §3
   * CONFLICT): 2020 made every document optional; 2023 requires the RAD for SaaS only.
   */
  requiredFor: readonly CosellStatusId[];
  /** Version notes from the docs, in English. */
  note: string;
}

/** Every document kind by id; "other" holds up to five extra documents or videos. */
export const DOCUMENT_KINDS: Readonly<Record<DocumentKindId, DocumentKind>> = {
  'one-pager': {
    id: 'one-pager',
    name: 'Solution/offer one-pager',
    formerNames: ['Customer one-pager'],
    maxCount: 1,
    requiredFor: ['cosell-ready'],
    note: '2020: optional. 2021+: required. Templates: Azure, Dynamics 365, Microsoft 365, Windows 10. 2019 draft: 1-2 pages; 01/11/2022: should not be longer than 10 pages.',
  },
  'pitch-deck': {
    id: 'pitch-deck',
    name: 'Solution/offer pitch deck',
    formerNames: ['Customer presentation'],
    maxCount: 1,
    requiredFor: ['cosell-ready'],
    note: '2020: optional. 2021+: required. Should reference the reference architecture diagram. 2019 draft: 5-10 page deck.',
  },
  'customer-case-study': {
    id: 'customer-case-study',
    name: 'Customer case study',
    formerNames: [],
    maxCount: 1,
    requiredFor: [],
    note: 'Optional; a template is provided.',
  },
  'verifiable-customer-wins': {
    id: 'verifiable-customer-wins',
    name: 'Verifiable customer wins',
    formerNames: [],
    maxCount: 1,
    requiredFor: [],
    note: 'Optional.',
  },
  'channel-pitch-deck': {
    id: 'channel-pitch-deck',
    name: 'Channel pitch deck',
    formerNames: [],
    maxCount: 1,
    requiredFor: [],
    note: 'Optional; aimed at channel resellers.',
  },
  'reference-architecture-diagram': {
    id: 'reference-architecture-diagram',
    name: 'Reference architecture diagram',
    formerNames: [],
    maxCount: 1,
    requiredFor: ['azure-ip-cosell-incentivized'],
    note: '2021-2022: required for Azure IP co-sell incentive(-ized) status. 07/03/2023 configure doc: required for SaaS offers only; 08/24/2023 requirements doc: not mandatory for Azure Application, Container, Virtual Machine, IoT Edge module.',
  },
  other: {
    id: 'other',
    name: 'Other documents',
    formerNames: [],
    maxCount: 5,
    requiredFor: [],
    note: 'Up to five additional documents or videos.',
  },
};

/** Largest number of "other" documents per listing. */
export const MAX_OTHER_DOCUMENTS = DOCUMENT_KINDS.other.maxCount;

/** File extensions the co-sell documents upload accepts (lower case, with the dot). */
export const DOCUMENT_EXTENSIONS = [
  '.pdf',
  '.ppt',
  '.pptx',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.jpg',
  '.png',
  '.mp4',
] as const;

export type DocumentExtension = (typeof DOCUMENT_EXTENSIONS)[number];

/** Extensions PC-configure-2023 calls "recommended"; the rest are "other supported". */
export const RECOMMENDED_DOCUMENT_EXTENSIONS = [
  '.pdf',
  '.ppt',
  '.pptx',
  '.doc',
  '.docx',
] as const satisfies readonly DocumentExtension[];

/** MIME type stored and served for each extension (IANA registrations). */
export const DOCUMENT_MIME_TYPES: Readonly<Record<DocumentExtension, string>> = {
  '.pdf': 'application/pdf',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
};

/** Extensions counted as video for the size limit. */
export const VIDEO_DOCUMENT_EXTENSIONS = ['.mp4'] as const satisfies readonly DocumentExtension[];

const documentExtensionSet: ReadonlySet<string> = new Set(DOCUMENT_EXTENSIONS);

/**
 * Allowed extension of a file name (case-insensitive, e.g. "Deck.PPTX" → ".pptx"), or undefined
 * when the name has no extension or one that is not allowed.
 */
export function parseDocumentExtension(fileName: string): DocumentExtension | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = fileName.slice(dot).toLowerCase();
  return documentExtensionSet.has(extension) ? (extension as DocumentExtension) : undefined;
}

/** True when the extension is a video (size limit `videoMaxBytes`). */
export function isVideoExtension(extension: DocumentExtension): boolean {
  return (VIDEO_DOCUMENT_EXTENSIONS as readonly string[]).includes(extension);
}

/**
 * Upload size limits. No doc states a limit (SPEC §3, §9), so these are our defaults and the
 * server may override them from configuration.
 */
export interface DocumentSizeLimits {
  /** Largest accepted video file (.mp4), in bytes. */
  videoMaxBytes: number;
  /** Largest accepted file of any other allowed type, in bytes. */
  otherMaxBytes: number;
}

const MEBIBYTE = 1024 * 1024;

/** Default limits: 100 MB for video, 50 MB otherwise (1 MB = 1,048,576 bytes). */
export const DEFAULT_DOCUMENT_SIZE_LIMITS: Readonly<DocumentSizeLimits> = {
  videoMaxBytes: 100 * MEBIBYTE,
  otherMaxBytes: 50 * MEBIBYTE,
};

/** Largest accepted size in bytes for a file with this extension. */
export function maxDocumentSizeBytes(
  extension: DocumentExtension,
  limits: DocumentSizeLimits = DEFAULT_DOCUMENT_SIZE_LIMITS,
): number {
  return isVideoExtension(extension) ? limits.videoMaxBytes : limits.otherMaxBytes;
}
