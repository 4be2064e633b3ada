/**
 * Zod schemas of the referral resource: the create body (POST), the full replace (PUT) and the
 * read representation. Every problem names its field by path; the texts are in
 * opportunities.messages.ts.
 */
import { z } from 'zod';
import { EmailSchema } from '../accounts/accounts.types';
import {
  ReferralDirectionSchema,
  ReferralQualificationSchema,
  ReferralSolutionTagTypeSchema,
  ReferralStatusSchema,
  ReferralSubstatusSchema,
  ReferralTargetTypeSchema,
  ReferralTypeSchema,
  SalesStageSchema,
  SolutionAssessmentSalesStageSchema,
} from '../reference/referral';
import { DEAL_KINDS, VISIBILITIES, type Referral } from './opportunities.types';

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** An ISO 8601 UTC instant (`2024-01-01T00:00:00Z`, fractions allowed). */
export const UtcDateTimeSchema = z.iso
  .datetime({ error: 'referral.dateTime.invalid' })
  .max(40, { error: 'referral.dateTime.invalid' });

/** ISO 4217 alphabetic code. */
export const CurrencySchema = z
  .string()
  .max(3, { error: 'referral.currency.invalid', abort: true })
  .regex(/^[A-Z]{3}$/, { error: 'referral.currency.invalid' });

export const DealKindSchema = z.enum(DEAL_KINDS);
export const VisibilitySchema = z.enum(VISIBILITIES);
export const ReferralSalesStageSchema = z.union([
  SalesStageSchema,
  SolutionAssessmentSalesStageSchema,
]);

export const ReferralMemberSchema = z.strictObject({
  firstName: requiredText(120),
  lastName: requiredText(120),
  email: EmailSchema,
  phoneNumber: text(40).optional(),
  contactPreference: z
    .strictObject({ locale: text(20).optional(), disableNotifications: z.boolean().optional() })
    .optional(),
});

export const ReferralAddressSchema = z.strictObject({
  addressLine1: text(200).optional(),
  addressLine2: text(200).optional(),
  city: text(120).optional(),
  state: text(120).optional(),
  postalCode: text(20).optional(),
  country: z
    .string()
    .max(2, { error: 'referral.country.invalid' })
    .regex(/^[A-Z]{2}$/, { error: 'referral.country.invalid' }),
  region: text(120).optional(),
});

export const CustomerProfileSchema = z.strictObject({
  name: requiredText(200),
  address: ReferralAddressSchema,
  size: text(60).optional(),
  team: z.array(ReferralMemberSchema).max(50).default([]),
  ids: z.strictObject({ duns: text(20).optional(), external: text(100).optional() }).optional(),
});

export const ReferralConsentSchema = z.strictObject({
  consentToShareReferralWithMicrosoftSellers: z.boolean(),
  consentToContact: z.boolean().optional(),
  consentToShareInfoWithOthers: z.boolean().optional(),
});

export const ReferralSolutionSchema = z.strictObject({
  id: requiredText(100),
  name: requiredText(200),
  type: ReferralSolutionTagTypeSchema.optional(),
});

export const ReferralRequirementsSchema = z.strictObject({
  solutions: z
    .array(ReferralSolutionSchema)
    .min(1, { error: 'referral.solutions.required' })
    .max(50),
  products: z.array(requiredText(100)).max(50).optional(),
  services: z.array(requiredText(100)).max(50).optional(),
  industries: z.array(requiredText(100)).max(50).optional(),
});

export const ReferralDetailsSchema = z.strictObject({
  notes: requiredText(4000),
  dealValue: z.number().finite().nonnegative().max(1e13),
  currency: CurrencySchema,
  closingDateTime: UtcDateTimeSchema,
  requirements: ReferralRequirementsSchema,
});

export const ReferralTargetSchema = z.strictObject({
  type: ReferralTargetTypeSchema,
  id: requiredText(100),
});

export const InviteContextSchema = z.strictObject({
  notes: text(4000).optional(),
  invitedBy: z
    .strictObject({ organizationId: requiredText(100), organizationName: requiredText(200) })
    .optional(),
});

const TeamSchema = z
  .array(ReferralMemberSchema)
  .min(1, { error: 'referral.team.required' })
  .max(50);

/** The fields a caller sets, shared by create and replace. */
const writable = {
  name: requiredText(200),
  externalReferenceId: text(100).optional(),
  type: ReferralTypeSchema,
  qualification: ReferralQualificationSchema.default('None'),
  customerProfile: CustomerProfileSchema,
  consent: ReferralConsentSchema,
  details: ReferralDetailsSchema,
  team: TeamSchema,
  target: z.array(ReferralTargetSchema).max(20).default([]),
  visibility: VisibilitySchema.default('private'),
  helpKind: text(200).optional(),
  salesStage: ReferralSalesStageSchema.optional(),
  locationId: text(100).optional(),
};

/**
 * POST body: a new outbound deal (or, for a vendor seller, a co-sell opportunity sent to a
 * partner). Status, ids and dates are set by cosell. `engagementId` joins an existing
 * engagement (the second referral of a shared deal); `dealKind` picks solution assessment.
 */
export const ReferralCreateSchema = z.strictObject({
  ...writable,
  engagementId: text(100).optional(),
  dealKind: z.enum(['outbound', 'solution-assessment']).default('outbound'),
});
export type ReferralCreate = z.infer<typeof ReferralCreateSchema>;

/** PUT body: the whole writable representation; read-only fields are checked by the rules. */
export const ReferralReplaceSchema = z.strictObject({
  ...writable,
  statusReason: text(1000).optional(),
  inviteContext: InviteContextSchema.optional(),
});
export type ReferralReplace = z.infer<typeof ReferralReplaceSchema>;

/** The read representation (also what a JSON Patch result must still satisfy). */
export const ReferralSchema = z.strictObject({
  ...writable,
  id: requiredText(100),
  engagementId: requiredText(100),
  organizationId: requiredText(100),
  organizationName: requiredText(200),
  createdDateTime: UtcDateTimeSchema,
  updatedDateTime: UtcDateTimeSchema,
  expirationDateTime: UtcDateTimeSchema.nullable(),
  acceptedDateTime: UtcDateTimeSchema.optional(),
  status: ReferralStatusSchema,
  substatus: ReferralSubstatusSchema,
  statusReason: text(1000).optional(),
  direction: ReferralDirectionSchema,
  inviteContext: InviteContextSchema.optional(),
  eTag: requiredText(100),
  dealKind: DealKindSchema,
});

// The schema and the hand-written model must describe the same object.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof ReferralSchema>, Referral> = true;
void sameShape;
