/**
 * The partner program profile of an organisation (SPEC §5 requirements): the facts about the
 * partner, not the offer, that co-sell statuses need. Partners enter what the program lets
 * them enter; program admins set and verify the rest, by hand, CSV or API, and every field
 * remembers who set it, when and how.
 */
import { z } from 'zod';

export const ISV_CONNECT_LEVELS = ['none', 'standard', 'premium'] as const;
export type IsvConnectLevel = (typeof ISV_CONNECT_LEVELS)[number];
export const IsvConnectLevelSchema = z.enum(ISV_CONNECT_LEVELS);

/** The facts the status engine reads. */
export interface ProgramProfileFacts {
  /** PartnerID (formerly MPN ID), digits. */
  partnerId: string | null;
  marketplaceAccountActive: boolean;
  businessProfileComplete: boolean;
  /** Azure consumed revenue over the trailing 12 months, USD. */
  azureConsumedRevenueUsd: number;
  /** Billed marketplace revenue over the trailing 12 months, USD. */
  marketplaceBilledRevenueUsd: number;
  /** An active gold competency (2020–2021 services rule). */
  goldCompetency: boolean;
  /** Solutions Partner designations held (2023 services rule), e.g. "Infrastructure (Azure)". */
  solutionsPartnerDesignations: string[];
  isvConnect: IsvConnectLevel;
}

export const PROFILE_FIELDS = [
  'partnerId',
  'marketplaceAccountActive',
  'businessProfileComplete',
  'azureConsumedRevenueUsd',
  'marketplaceBilledRevenueUsd',
  'goldCompetency',
  'solutionsPartnerDesignations',
  'isvConnect',
] as const satisfies readonly (keyof ProgramProfileFacts)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * Fields a partner may enter for itself. Revenue, competencies, designations and program
 * enrollment come from the vendor's systems: only program admins set them.
 */
export const PARTNER_EDITABLE_FIELDS: readonly ProfileField[] = [
  'partnerId',
  'marketplaceAccountActive',
  'businessProfileComplete',
];

export const PROFILE_SOURCES = ['partner', 'program', 'import', 'api'] as const;
export type ProfileSource = (typeof PROFILE_SOURCES)[number];

/** Who set a field, when and how; and whether a program admin verified it. */
export interface ProfileFieldProvenance {
  setBy: string | null;
  setByName?: string | undefined;
  setAt: string;
  source: ProfileSource;
  verifiedBy: string | null;
  verifiedAt: string | null;
}

export interface ProgramProfileRecord extends ProgramProfileFacts {
  organisationId: string;
  provenance: Partial<Record<ProfileField, ProfileFieldProvenance>>;
  updatedAt: Date;
  version: number;
}

export const EMPTY_PROFILE: ProgramProfileFacts = {
  partnerId: null,
  marketplaceAccountActive: false,
  businessProfileComplete: false,
  azureConsumedRevenueUsd: 0,
  marketplaceBilledRevenueUsd: 0,
  goldCompetency: false,
  solutionsPartnerDesignations: [],
  isvConnect: 'none',
};

const money = z
  .number({ error: 'programProfile.amountInvalid' })
  .finite({ error: 'programProfile.amountInvalid' })
  .min(0, { error: 'programProfile.amountInvalid' })
  .max(1e13, { error: 'programProfile.amountInvalid' });

/** PartnerID: 5 to 10 digits (Partner Center's MPN IDs are 6–7 digits today). */
export const PartnerIdSchema = z
  .string()
  .trim()
  .regex(/^\d{5,10}$/, { error: 'programProfile.partnerIdInvalid' });

export const ProfilePatchSchema = z.strictObject({
  partnerId: PartnerIdSchema.nullable().optional(),
  marketplaceAccountActive: z.boolean().optional(),
  businessProfileComplete: z.boolean().optional(),
  azureConsumedRevenueUsd: money.optional(),
  marketplaceBilledRevenueUsd: money.optional(),
  goldCompetency: z.boolean().optional(),
  solutionsPartnerDesignations: z
    .array(z.string().trim().min(1).max(80))
    .max(20)
    .transform((list) => [...new Set(list)])
    .optional(),
  isvConnect: IsvConnectLevelSchema.optional(),
  /** Program admins: mark these (partner-entered) fields verified. */
  verify: z.array(z.enum(PROFILE_FIELDS)).max(PROFILE_FIELDS.length).optional(),
});
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

/** The fields a patch sets (without `verify`). */
export function patchedFields(patch: ProfilePatch): ProfileField[] {
  return PROFILE_FIELDS.filter((field) => patch[field] !== undefined);
}

/** Applies a patch to the facts, recording provenance for every field it sets or verifies. */
export function applyProfilePatch(
  current: ProgramProfileRecord | null,
  organisationId: string,
  patch: ProfilePatch,
  by: { userId: string | null; source: ProfileSource; at: Date },
): Omit<ProgramProfileRecord, 'updatedAt' | 'version'> {
  const facts: ProgramProfileFacts = { ...EMPTY_PROFILE, ...pickFacts(current) };
  const provenance = { ...(current?.provenance ?? {}) };
  const at = by.at.toISOString();
  for (const field of patchedFields(patch)) {
    // A field sent with the value it already has keeps its provenance (and verification).
    if (current && JSON.stringify(facts[field]) === JSON.stringify(patch[field])) continue;
    (facts as unknown as Record<string, unknown>)[field] = patch[field];
    const verified = by.source !== 'partner';
    provenance[field] = {
      setBy: by.userId,
      setAt: at,
      source: by.source,
      verifiedBy: verified ? by.userId : null,
      verifiedAt: verified ? at : null,
    };
  }
  for (const field of patch.verify ?? []) {
    const entry = provenance[field];
    if (entry) provenance[field] = { ...entry, verifiedBy: by.userId, verifiedAt: at };
  }
  return { organisationId, ...facts, provenance };
}

/** Only the facts of a record. */
export function pickFacts(record: ProgramProfileFacts | null): ProgramProfileFacts {
  if (!record) return { ...EMPTY_PROFILE };
  return {
    partnerId: record.partnerId,
    marketplaceAccountActive: record.marketplaceAccountActive,
    businessProfileComplete: record.businessProfileComplete,
    azureConsumedRevenueUsd: record.azureConsumedRevenueUsd,
    marketplaceBilledRevenueUsd: record.marketplaceBilledRevenueUsd,
    goldCompetency: record.goldCompetency,
    solutionsPartnerDesignations: record.solutionsPartnerDesignations,
    isvConnect: record.isvConnect,
  };
}
