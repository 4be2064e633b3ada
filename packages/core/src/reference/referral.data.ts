// Source: SPEC §7 Referrals and reference-data.json `referral` (PC-api-2019/2020, PC-opps-2023,
// PC-sa-2023, PC-dealreg-2023, PC-perm-2022); each list names its own sources below.
// Data only, no zod: the web app bundles it (`@cosell/core/reference-data`).

// ---------------------------------------------------------------------------------------------
// Status and substatus (API enums, PC-api-2019; `Error` from 2023 UI docs)
// ---------------------------------------------------------------------------------------------

/** Referral status. `None` is the API's "not set" value, never a life-cycle state. */
export const REFERRAL_STATUSES = ['None', 'New', 'Active', 'Closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Life-cycle statuses, i.e. every status except `None`. */
export const REFERRAL_LIFECYCLE_STATUSES = ['New', 'Active', 'Closed'] as const;
export type ReferralLifecycleStatus = (typeof REFERRAL_LIFECYCLE_STATUSES)[number];

/**
 * Referral substatus. `Error` ("Close as Error": duplicate, wrong customer…) is not in the
 * 2019/2020 API enum but appears in the 2023 UI and deal-registration docs.
 */
export const REFERRAL_SUBSTATUSES = [
  'None',
  'Pending',
  'Received',
  'Accepted',
  'Won',
  'Lost',
  'Declined',
  'Expired',
  'Error',
] as const;
export type ReferralSubstatus = (typeof REFERRAL_SUBSTATUSES)[number];

/** The status each substatus belongs to (`None` belongs to none). */
export const REFERRAL_SUBSTATUS_STATUS: Readonly<
  Record<ReferralSubstatus, ReferralLifecycleStatus | null>
> = {
  None: null,
  Pending: 'New',
  Received: 'New',
  Accepted: 'Active',
  Won: 'Closed',
  Lost: 'Closed',
  Declined: 'Closed',
  Expired: 'Closed',
  Error: 'Closed',
};

/** One row of the status transition table. */
export interface ReferralStatusTransition {
  /** Statuses a referral in this status may move to (itself included). */
  allowedStatuses: readonly ReferralLifecycleStatus[];
  /** Substatuses allowed while the referral is in this status. */
  allowedSubstatuses: readonly ReferralSubstatus[];
}

/**
 * The only place referral status moves are defined: New → New/Active/Closed,
 * Active → Active/Closed, Closed → Closed (Closed is final).
 */
export const REFERRAL_STATUS_TRANSITIONS: Readonly<
  Record<ReferralLifecycleStatus, ReferralStatusTransition>
> = {
  New: {
    allowedStatuses: ['New', 'Active', 'Closed'],
    allowedSubstatuses: ['Pending', 'Received'],
  },
  Active: { allowedStatuses: ['Active', 'Closed'], allowedSubstatuses: ['Accepted'] },
  Closed: {
    allowedStatuses: ['Closed'],
    // The API table lists Won, Lost, Declined, Expired; `Error` is added (derived) because the
    // 2023 docs let any deal be closed as Error.
    allowedSubstatuses: ['Won', 'Lost', 'Declined', 'Expired', 'Error'],
  },
};

/** Substatuses the docs call terminal and not editable (SPEC §7.4). */
export const TERMINAL_REFERRAL_SUBSTATUSES = [
  'Won',
  'Lost',
  'Declined',
  'Expired',
] as const satisfies readonly ReferralSubstatus[];

// ---------------------------------------------------------------------------------------------
// Other API enums (PC-api-2019, PC-api-2020)
// ---------------------------------------------------------------------------------------------

/** `Shared`: all parties collaborate (e.g. partner + Microsoft); `Independent`: one partner. */
export const REFERRAL_TYPES = ['Shared', 'Independent'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/**
 * `Direct`: created directly by a customer; `MarketingQualified`: from Microsoft marketing
 * automation; `SalesQualified`: from a Microsoft sales agent.
 */
export const REFERRAL_QUALIFICATIONS = [
  'None',
  'Direct',
  'MarketingQualified',
  'SalesQualified',
] as const;
export type ReferralQualification = (typeof REFERRAL_QUALIFICATIONS)[number];

/** Direction from the partner's point of view (2020 API). */
export const REFERRAL_DIRECTIONS = ['Incoming', 'Outgoing'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

/**
 * Kinds of referral target. `Organization` is cosell's: the partner organisation a vendor
 * seller sends a co-sell opportunity to (its id is the organisation's).
 */
export const REFERRAL_TARGET_TYPES = [
  'None',
  'BusinessProfileLocation',
  'SolutionProfile',
  'Organization',
] as const;
export type ReferralTargetType = (typeof REFERRAL_TARGET_TYPES)[number];

/** Microsoft is targeted as `{ type: 'BusinessProfileLocation', id: 'msft' }`. */
export const MICROSOFT_REFERRAL_TARGET_ID = 'msft';

/** Kinds of solution tag in referral requirements. */
export const REFERRAL_SOLUTION_TAG_TYPES = ['None', 'Category', 'Name'] as const;
export type ReferralSolutionTagType = (typeof REFERRAL_SOLUTION_TAG_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// Deals (PC-opps-2023, PC-sa-2023)
// ---------------------------------------------------------------------------------------------

/**
 * Co-sell opportunity types: `private` (no help, not visible to Microsoft), `partner-led` (no
 * help, visible), `co-sell` (any help option; implies visible), `partner-to-partner` (other
 * partners invited), `solution-assessment` (vetted SA partners, exactly one assessment type).
 */
export const DEAL_TYPES = [
  'private',
  'partner-led',
  'co-sell',
  'partner-to-partner',
  'solution-assessment',
] as const;
export type DealType = (typeof DEAL_TYPES)[number];

/** Sales stages with their win probability in percent, in order (optional except for SA deals). */
export const SALES_STAGES = [
  { stage: 'Created', percent: 10 },
  { stage: 'Accepted', percent: 10 },
  { stage: 'Qualified', percent: 20 },
  { stage: 'Developed', percent: 40 },
  { stage: 'Proposed', percent: 60 },
  { stage: 'Negotiated', percent: 80 },
  { stage: 'Won', percent: 100 },
] as const;

export const SALES_STAGE_NAMES = [
  'Created',
  'Accepted',
  'Qualified',
  'Developed',
  'Proposed',
  'Negotiated',
  'Won',
] as const satisfies readonly (typeof SALES_STAGES)[number]['stage'][];
export type SalesStage = (typeof SALES_STAGE_NAMES)[number];

/**
 * Solution-assessment sales stages: every stage is mandatory, and Won is enabled only after all
 * earlier stages (PC-sa-2023).
 */
export const SOLUTION_ASSESSMENT_SALES_STAGES = [
  { stage: 'Created', percent: 10 },
  { stage: 'Accepted', percent: 10 },
  { stage: 'Secure customer LOE', percent: 20 },
  { stage: 'Collect data', percent: 40 },
  { stage: 'Prepare assessment report', percent: 60 },
  { stage: 'Present to customer', percent: 80 },
  { stage: 'Won', percent: 100 },
] as const;

export const SOLUTION_ASSESSMENT_SALES_STAGE_NAMES = [
  'Created',
  'Accepted',
  'Secure customer LOE',
  'Collect data',
  'Prepare assessment report',
  'Present to customer',
  'Won',
] as const satisfies readonly (typeof SOLUTION_ASSESSMENT_SALES_STAGES)[number]['stage'][];
export type SolutionAssessmentSalesStage = (typeof SOLUTION_ASSESSMENT_SALES_STAGE_NAMES)[number];

/** Where the solutions of a new deal are picked from. */
export const DEAL_SOLUTION_CATEGORIES = [
  "My company's solutions",
  'Microsoft',
  'Other third-party solutions',
  'Solution Assessments',
] as const;
export type DealSolutionCategory = (typeof DEAL_SOLUTION_CATEGORIES)[number];

/** "Partner role" values on inbound services opportunities (since 2023-04-03). */
export const SERVICES_PARTNER_ROLES = [
  'Presales envisioning',
  'Solution design',
  'Proof of concept',
  'Business strategy',
  'Deployment services',
  'Adoption and change management',
  'Transaction',
  'Managed services',
] as const;
export type ServicesPartnerRole = (typeof SERVICES_PARTNER_ROLES)[number];

/** "Marketplace purchase intent" answers (since May 2023). */
export const MARKETPLACE_INTENTS = ['Yes', 'No', 'Have not decided'] as const;
export type MarketplaceIntent = (typeof MARKETPLACE_INTENTS)[number];

// ---------------------------------------------------------------------------------------------
// Deal registration (PC-dealreg-2023, PC-bulkreg-2023)
// ---------------------------------------------------------------------------------------------

/** Deal registration states as the docs spell them. */
export const DEAL_REGISTRATION_STATES = [
  'Registration(Pending)',
  'Approved',
  'Review(Pending)',
  'Action required',
  'Review(Passed)',
  'Review(Failed)',
  'Marketplace Validation(Pending)',
  'Marketplace Validation(Passed)',
  'Marketplace Validation(Failed)',
  'Closed',
] as const;
export type DealRegistrationState = (typeof DEAL_REGISTRATION_STATES)[number];

/** Next states allowed from each deal registration state (`Closed` is final). */
export const DEAL_REGISTRATION_TRANSITIONS: Readonly<
  Record<DealRegistrationState, readonly DealRegistrationState[]>
> = {
  'Registration(Pending)': ['Approved', 'Review(Pending)'],
  Approved: ['Review(Pending)', 'Closed'],
  'Review(Pending)': ['Review(Passed)', 'Review(Failed)', 'Action required'],
  'Action required': ['Review(Pending)'],
  'Review(Passed)': ['Closed'],
  'Review(Failed)': ['Closed'],
  'Marketplace Validation(Pending)': ['Action required', 'Closed'],
  'Marketplace Validation(Passed)': ['Closed'],
  'Marketplace Validation(Failed)': ['Closed'],
  Closed: [],
};

/** Status values of the bulk deal-registration CSV. */
export const DEAL_REGISTRATION_BULK_CSV_STATUSES = [
  'ReviewPending',
  'ActionRequired',
  'Approved',
  'Passed',
  'Failed',
  'Closed',
] as const;
export type DealRegistrationBulkCsvStatus = (typeof DEAL_REGISTRATION_BULK_CSV_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Timers
// ---------------------------------------------------------------------------------------------

export const REFERRAL_TIMER_IDS = [
  'inbound-response',
  'microsoft-seller-decision',
  'won-after-create',
  'customer-contact-flame',
  'deal-registration-window',
  'contract-start-backdating',
  'exception-request-window',
  'exception-council-decision',
  'marketplace-leads-retention',
  'connector-sync',
  'preferred-badge',
] as const;
export type ReferralTimerId = (typeof REFERRAL_TIMER_IDS)[number];

export type ReferralTimerUnit = 'minutes' | 'hours' | 'days' | 'working-days' | 'months';

/** One documented time limit. */
export interface ReferralTimer {
  id: ReferralTimerId;
  /** Machine-usable length, in `unit`. */
  amount: number;
  unit: ReferralTimerUnit;
  /** The value as the docs state it. */
  statedAs: string;
  /** What happens, in English. */
  effect: string;
  /** Source tags (SPEC §0). */
  sources: readonly string[];
}

/** Documented time limits around referrals, deals and badges. */
export const REFERRAL_TIMERS: Readonly<Record<ReferralTimerId, ReferralTimer>> = {
  'inbound-response': {
    id: 'inbound-response',
    amount: 14,
    unit: 'days',
    statedAs: '14 days',
    effect:
      "Unanswered inbound lead/opportunity is archived as Expired; sender (Microsoft or partner) notified. An 'expiring' email precedes it.",
    sources: ['PC-api-2020', 'PC-opps-2023', 'PC-leads-2023', 'PC-comms-2023'],
  },
  'microsoft-seller-decision': {
    id: 'microsoft-seller-decision',
    amount: 14,
    unit: 'days',
    statedAs: '14 days',
    effect: 'Time Microsoft sellers have to decide whether to join a co-sell deal.',
    sources: ['PC-opps-2023'],
  },
  'won-after-create': {
    id: 'won-after-create',
    amount: 72,
    unit: 'hours',
    statedAs: '72 hours',
    effect:
      'Gap between creating a registration-eligible deal and marking it Won; earlier may cause rejection.',
    sources: ['PC-opps-2023', 'PC-dealreg-2023'],
  },
  'customer-contact-flame': {
    id: 'customer-contact-flame',
    amount: 72,
    unit: 'hours',
    statedAs: '72 hours',
    effect:
      'Flame alert on leads where the customer asked to be contacted; after 72h icon/message change, referral stays active.',
    sources: ['PC-leads-2023'],
  },
  'deal-registration-window': {
    id: 'deal-registration-window',
    amount: 60,
    unit: 'days',
    statedAs: '60 days from contract signature',
    effect: 'A won deal must be registered within 60 days of contract signature (dates in UTC).',
    sources: ['PC-dealreg-2023'],
  },
  'contract-start-backdating': {
    id: 'contract-start-backdating',
    amount: 90,
    unit: 'days',
    statedAs: 'up to 90 days in the past',
    effect: 'Contract start date on a deal registration may be at most 90 days ago.',
    sources: ['PC-dealreg-2023'],
  },
  'exception-request-window': {
    id: 'exception-request-window',
    amount: 60,
    unit: 'days',
    statedAs: '60 days from initial registration',
    effect: 'One exception per referral may be requested within 60 days of first registration.',
    sources: ['PC-dealreg-2023'],
  },
  'exception-council-decision': {
    id: 'exception-council-decision',
    amount: 14,
    unit: 'working-days',
    statedAs: 'up to 14 working days',
    effect: 'Time for the exception decision, which is final.',
    sources: ['PC-dealreg-2023'],
  },
  'marketplace-leads-retention': {
    id: 'marketplace-leads-retention',
    amount: 6,
    unit: 'months',
    statedAs: '6 months (from 2023-06-26)',
    effect: 'Marketplace leads are kept for 6 months.',
    sources: ['PC-leads-2023'],
  },
  'connector-sync': {
    id: 'connector-sync',
    amount: 10,
    unit: 'minutes',
    statedAs: 'about 10 minutes',
    effect: 'CRM connector synchronisation delay.',
    sources: ['PC-connector-2023'],
  },
  'preferred-badge': {
    id: 'preferred-badge',
    amount: 30,
    unit: 'days',
    statedAs: 'up to 30 days after status; badges refreshed every 30 days',
    effect:
      'Time for the Microsoft preferred solution badge to appear after the status is reached.',
    sources: ['AZ-overview-2021', 'PC-overview-2023'],
  },
};

// ---------------------------------------------------------------------------------------------
// User roles and events (PC-perm-2022, PC-configure-2023, SDK-webhooks-2019, PC-connector-2023)
// ---------------------------------------------------------------------------------------------

export const REFERRAL_USER_ROLE_IDS = [
  'referrals-admin',
  'referrals-user',
  'business-profile-admin',
  'cosell-solution-admin',
] as const;
export type ReferralUserRoleId = (typeof REFERRAL_USER_ROLE_IDS)[number];

/** Facts about one Partner Center referrals/co-sell role. */
export interface ReferralUserRole {
  id: ReferralUserRoleId;
  /** English name as in Partner Center. */
  name: string;
  /** What the role may do, in English. */
  can: string;
}

/** Partner Center roles around referrals and co-sell solutions; scope is company or locations. */
export const REFERRAL_USER_ROLES: Readonly<Record<ReferralUserRoleId, ReferralUserRole>> = {
  'referrals-admin': {
    id: 'referrals-admin',
    name: 'Referrals admin',
    can: 'everything in Referrals: view/edit all leads and opportunities in scope, assign team, edit business profiles, register won deals',
  },
  'referrals-user': {
    id: 'referrals-user',
    name: 'Referrals user',
    can: 'create opportunities for assigned locations; view/edit/register only deals where they are on the team',
  },
  'business-profile-admin': {
    id: 'business-profile-admin',
    name: 'Business profile admin',
    can: 'create and manage business profiles',
  },
  'cosell-solution-admin': {
    id: 'cosell-solution-admin',
    name: 'Co-sell solution admin',
    can: 'configure, publish and edit co-sell solutions',
  },
};

/** Webhook event names (2019 reference; `related-` events from the 2023 connector doc). */
export const REFERRAL_WEBHOOK_EVENTS = [
  'referral-created',
  'referral-updated',
  'related-referral-created',
  'related-referral-updated',
] as const;
export type ReferralWebhookEvent = (typeof REFERRAL_WEBHOOK_EVENTS)[number];

// ---------------------------------------------------------------------------------------------
// Time limits of the life cycle (PC-api-2020, PC-opps-2023, PC-comms-2023)
// ---------------------------------------------------------------------------------------------

/** Days an inbound referral may stay unanswered (Received) before it is archived Expired. */
export const REFERRAL_RESPONSE_DAYS = 14;

/**
 * Days before expiry at which the receiver is warned ("expiring" e-mail). The docs say the
 * warning precedes expiry without stating when; 3 days is this project's choice (derived).
 */
export const REFERRAL_EXPIRY_WARNING_DAYS = 3;

// ---------------------------------------------------------------------------------------------
// Closing reasons (PC-faq-2022, PC-opps-2023)
// ---------------------------------------------------------------------------------------------

/**
 * Reasons a receiver gives when declining. The first two are quoted from PC-faq-2022 (Microsoft
 * declining); the docs show no full list, so `Other` (explained in the notes) is derived.
 */
export const REFERRAL_DECLINE_REASONS = [
  'No corresponding Microsoft customer record could be found',
  'No Microsoft seller directly manages this customer',
  'Other',
] as const;
export type ReferralDeclineReason = (typeof REFERRAL_DECLINE_REASONS)[number];

/**
 * Reasons for "Close as Error" (PC-opps-2023 names duplicate and wrong customer, then "…";
 * `Other` is derived).
 */
export const REFERRAL_ERROR_REASONS = ['Duplicate', 'Wrong customer', 'Other'] as const;
export type ReferralErrorReason = (typeof REFERRAL_ERROR_REASONS)[number];

// ---------------------------------------------------------------------------------------------
// Legacy requirement tags of details.requirements (PC-api-2019; the current API says the
// solution area/play taxonomy changed for FY26)
// ---------------------------------------------------------------------------------------------

export const REFERRAL_REQUIREMENT_PRODUCTS = [
  'Azure',
  'EnterpriseMobilityAndSecurity',
  'Exchange',
  'DeveloperTools',
  'Dynamics365Business',
  'Dynamics365Enterprise',
  'DynamicsAX,GP,NAV,SL',
  'Microsoft365',
  'Office',
  'PowerBI',
  'Project',
  'SharePoint',
  'SkypeForBusiness',
  'Surface',
  'SurfaceHub',
  'SQL',
  'Teams',
  'Visio',
  'Windows',
  'Yammer',
] as const;
export type ReferralRequirementProduct = (typeof REFERRAL_REQUIREMENT_PRODUCTS)[number];

export const REFERRAL_REQUIREMENT_SERVICES = [
  'ConsultingAndProfessional',
  'CustomSolution(ISV)',
  'DeploymentOrMigration',
  'Hardware',
  'Integration',
  'IPServices(ISV)',
  'LearningAndCertification',
  'Licensing',
  'ManagedServices',
  'ProjectServices',
] as const;
export type ReferralRequirementService = (typeof REFERRAL_REQUIREMENT_SERVICES)[number];

export const REFERRAL_REQUIREMENT_INDUSTRIES = [
  'Agriculture, Forestry, & Fishing',
  'Communications & Media',
  'Education',
  'Financial Services',
  'Government',
  'Healthcare',
  'Hospitality',
  'Manufacturing',
  'Power & Utilities',
  'Public Safety and National Security',
  'Retail & Consumer Goods',
  'Services',
  'Travel & Transportation',
  'Wholesale & Distribution',
] as const;
export type ReferralRequirementIndustry = (typeof REFERRAL_REQUIREMENT_INDUSTRIES)[number];

export const REFERRAL_REQUIREMENT_SOLUTIONS = [
  'AdvancedAnalytics',
  'ApplicationIntegration',
  'ArtificialIntelligence',
  'AzureSecurityOperationManagement',
  'AzureStack',
  'BackupDisasterRecovery',
  'BigData',
  'Blockchain',
  'Chatbot',
  'CloudDatabaseMigration',
  'CloudMigration',
  'CloudVoice',
  'CognitiveServices',
  'CompetitiveDatabaseMigration',
  'Containers',
  'DataWarehouse',
  'DatabaseonLinux',
  'DevelopmentandTest',
  'DevOps',
  'DigitalMedia',
  'Dynamics365forCustomerService',
  'Dynamics365forFieldService',
  'Dynamics365forFinanceOperations',
  'Dynamics365forRetail',
  'Dynamics365forSales',
  'Dynamics365forTalent',
  'DynamicsonAzure',
  'EnterpriseBusinessIntelligence',
  'Gaming',
  'HighPerformanceComputing',
  'HybridStorage',
  'IdentityandAccessManagement',
  'InformationManagement',
  'InternetofThings',
  'MachineLearning',
  'Microserviceapplications',
  'MobileApplications',
  'MySQLPostgresMigrationtoAzure',
  'Networking',
  'NoSQLMigration',
  'RedhatonAzure',
  'RegulatoryComplianceGDPR',
  'SAPonAzure',
  'ServerlessComputing',
  'SharepointonAzure',
  'SQLServerUpgrade',
  'ThreatProtection',
  'WebDevelopment',
] as const;
export type ReferralRequirementSolution = (typeof REFERRAL_REQUIREMENT_SOLUTIONS)[number];

/** Customer size tags; both the 3-band and the 8-band lists of the 2019 reference. */
export const REFERRAL_CUSTOMER_SIZES = [
  '1to50employees',
  '51to500employees',
  'Morethan500employees',
  '1to9employees',
  '10to50employees',
  '51to250employees',
  '251to1000employees',
  '1001to5000employees',
  '5001to10000employees',
  '10001to20000employees',
  'Morethan20000employees',
] as const;
export type ReferralCustomerSize = (typeof REFERRAL_CUSTOMER_SIZES)[number];
