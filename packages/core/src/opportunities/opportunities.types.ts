/**
 * The co-sell opportunity (referral) model. An *engagement* groups one *referral* per
 * participating organisation: they share `engagementId`, and each has its own status,
 * substatus, team and notes. Property names and enum spellings follow the program's Referral
 * resource (SPEC §7.5); `dealKind`, `visibility`, `helpKind` and `salesStage` are cosell's own.
 * Dates are ISO 8601 UTC strings, as the resource carries them.
 */
import type { OrganisationKind, Role } from '../accounts/accounts.types';
import type {
  ReferralDeclineReason,
  ReferralDirection,
  ReferralErrorReason,
  ReferralQualification,
  ReferralSolutionTagType,
  ReferralStatus,
  ReferralSubstatus,
  ReferralTargetType,
  ReferralType,
  SalesStage,
  SolutionAssessmentSalesStage,
} from '../reference/referral.data';

/** How the deal came to this organisation (cosell addition). */
export const DEAL_KINDS = ['outbound', 'inbound', 'p2p', 'solution-assessment', 'lead'] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

/**
 * Who sees the deal beyond its participants, in increasing order (SPEC §7.3 step 6): `private`
 * (not visible to vendor sellers), `partner-led` (visible, no help asked), `co-sell` (help
 * asked; implies visible). Visibility only ever increases.
 */
export const VISIBILITIES = ['private', 'partner-led', 'co-sell'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** One person on a team (the resource's `Member`). */
export interface ReferralMember {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string | undefined;
  contactPreference?: { locale?: string | undefined; disableNotifications?: boolean | undefined };
}

export interface ReferralAddress {
  addressLine1?: string | undefined;
  addressLine2?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  postalCode?: string | undefined;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region?: string | undefined;
}

export interface CustomerProfile {
  name: string;
  address: ReferralAddress;
  size?: string | undefined;
  /** Customer contacts (optional unless the vendor is invited). */
  team: ReferralMember[];
  ids?: { duns?: string | undefined; external?: string | undefined };
}

export interface ReferralConsent {
  consentToShareReferralWithMicrosoftSellers: boolean;
  consentToContact?: boolean | undefined;
  consentToShareInfoWithOthers?: boolean | undefined;
}

export interface ReferralSolution {
  id: string;
  name: string;
  type?: ReferralSolutionTagType | undefined;
}

export interface ReferralRequirements {
  solutions: ReferralSolution[];
  products?: string[] | undefined;
  services?: string[] | undefined;
  industries?: string[] | undefined;
}

export interface ReferralDetails {
  notes: string;
  dealValue: number;
  /** ISO 4217, upper case. */
  currency: string;
  closingDateTime: string;
  requirements: ReferralRequirements;
}

export interface ReferralTarget {
  type: ReferralTargetType;
  id: string;
}

export interface InviteContext {
  notes?: string | undefined;
  invitedBy?: { organizationId: string; organizationName: string } | undefined;
}

/** One organisation's referral in an engagement (the read representation). */
export interface Referral {
  id: string;
  engagementId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  externalReferenceId?: string | undefined;
  createdDateTime: string;
  updatedDateTime: string;
  /** When an unanswered inbound referral expires; null once answered or for outbound deals. */
  expirationDateTime: string | null;
  acceptedDateTime?: string | undefined;
  status: ReferralStatus;
  substatus: ReferralSubstatus;
  statusReason?: string | undefined;
  target: ReferralTarget[];
  type: ReferralType;
  qualification: ReferralQualification;
  direction: ReferralDirection;
  customerProfile: CustomerProfile;
  consent: ReferralConsent;
  details: ReferralDetails;
  team: ReferralMember[];
  inviteContext?: InviteContext | undefined;
  eTag: string;
  // cosell additions
  dealKind: DealKind;
  visibility: Visibility;
  /** The help asked of the vendor when `visibility` is `co-sell` (the picker's values are unknown). */
  helpKind?: string | undefined;
  salesStage?: SalesStage | SolutionAssessmentSalesStage | undefined;
  /** Location in the partner program's scope; fixed after creation (SPEC §7.3). */
  locationId?: string | undefined;
}

/** Who acts on a referral: a member of one organisation with its roles there. */
export interface ReferralActor {
  userId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: readonly Role[];
}

/** A P2P invitee's own values (SPEC §7.3 step 7). */
export interface InviteeTerms {
  organizationId: string;
  organizationName: string;
  closingDateTime: string;
  dealValue: number;
  currency: string;
  notes?: string | undefined;
  team: ReferralMember[];
  solutions: ReferralSolution[];
  helpKind?: string | undefined;
}

/** Every action of the life cycle, as data (`applyAction` interprets them). */
export type ReferralAction =
  | {
      kind: 'accept';
      name: string;
      dealValue: number;
      currency: string;
      closingDateTime: string;
      notes: string;
      externalReferenceId?: string | undefined;
      team?: ReferralMember[] | undefined;
    }
  | { kind: 'decline'; reason: ReferralDeclineReason; notes: string }
  | { kind: 'expire' }
  | { kind: 'move-stage'; stage: SalesStage | SolutionAssessmentSalesStage }
  | { kind: 'win'; notes?: string | undefined }
  | { kind: 'lose'; reason: string }
  | { kind: 'close-as-error'; reason: ReferralErrorReason; notes?: string | undefined }
  | { kind: 'upgrade-visibility'; to: Visibility; helpKind?: string | undefined }
  | { kind: 'invite'; inviteeReferralId: string; invitee: InviteeTerms }
  | { kind: 'update'; next: Referral };

export type ReferralActionKind = ReferralAction['kind'];
