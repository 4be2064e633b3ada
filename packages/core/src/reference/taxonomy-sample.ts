// Source: SPEC §2 Listing, value lists (platforms and solution areas unpublished; segments: AZ-cosell-2019 only).

/**
 * Why this file exists. Shown next to seeded program data so nobody mistakes it for Microsoft's.
 */
export const SAMPLE_TAXONOMY_NOTE =
  'SAMPLE DATA. Microsoft does not publish the values of the co-sell listing pickers ' +
  '(Microsoft platforms, solution areas, sub-areas / sales plays; the FY26 taxonomy was not ' +
  'readable). The platforms and solution areas below are plausible placeholders written for ' +
  'this project, used only to seed editable program data; program admins are expected to ' +
  'replace them. Segments come from a 2019 draft of the co-sell doc and are unconfirmed for ' +
  'current Partner Center (the 2023 doc drops segments).';

/** One seeded taxonomy value. */
export interface SampleTaxonomyItem {
  /** Stable slug, unique within its list. */
  id: string;
  /** English name. */
  name: string;
}

/** A seeded solution area with its sub-areas ("sales plays" from 2023). */
export interface SampleSolutionArea extends SampleTaxonomyItem {
  /** Sub-areas; their ids are unique across all areas. */
  subAreas: readonly SampleTaxonomyItem[];
}

/** A market segment with its 2019 employee-count definition. */
export interface SampleSegment extends SampleTaxonomyItem {
  /** Definition as printed in the 2019 draft. */
  definition: string;
  /** Smallest employee count included. */
  minEmployees: number;
  /** Largest employee count included; null when unbounded. */
  maxEmployees: number | null;
}

/** SAMPLE Microsoft platforms (not published by Microsoft; see {@link SAMPLE_TAXONOMY_NOTE}). */
export const SAMPLE_MICROSOFT_PLATFORMS: readonly SampleTaxonomyItem[] = [
  { id: 'azure', name: 'Azure' },
  { id: 'dynamics-365', name: 'Dynamics 365' },
  { id: 'microsoft-365', name: 'Microsoft 365' },
  { id: 'power-platform', name: 'Power Platform' },
  { id: 'windows', name: 'Windows' },
  { id: 'microsoft-teams', name: 'Microsoft Teams' },
  { id: 'github', name: 'GitHub' },
  { id: 'microsoft-fabric', name: 'Microsoft Fabric' },
  { id: 'microsoft-security', name: 'Microsoft Security' },
  { id: 'surface', name: 'Surface' },
];

/**
 * Market segments: the only published definitions are in the 2019 draft (AZ-cosell-2019):
 * SMB < 500 employees, Corporate < 2500, Enterprise 2500+. Corporate's lower bound (500) is
 * implied by SMB's upper one (derived).
 */
export const SAMPLE_SEGMENTS: readonly SampleSegment[] = [
  {
    id: 'smb',
    name: 'SMB',
    definition: 'Small and medium-sized businesses (< 500 employees)',
    minEmployees: 0,
    maxEmployees: 499,
  },
  {
    id: 'corporate',
    name: 'Corporate',
    definition: '< 2500 employees',
    minEmployees: 500,
    maxEmployees: 2499,
  },
  {
    id: 'enterprise',
    name: 'Enterprise',
    definition: 'Large enterprise companies (2500+ employees)',
    minEmployees: 2500,
    maxEmployees: null,
  },
];

/** SAMPLE solution areas and sub-areas (not published by Microsoft; see the note above). */
export const SAMPLE_SOLUTION_AREAS: readonly SampleSolutionArea[] = [
  {
    id: 'data-ai',
    name: 'Data & AI',
    subAreas: [
      { id: 'analytics', name: 'Analytics' },
      { id: 'ai-apps', name: 'AI apps' },
      { id: 'databases', name: 'Databases' },
      { id: 'data-governance', name: 'Data governance' },
    ],
  },
  {
    id: 'infrastructure',
    name: 'Infrastructure',
    subAreas: [
      { id: 'migrate-modernize', name: 'Migrate & modernize' },
      { id: 'hybrid-multicloud', name: 'Hybrid & multicloud' },
      { id: 'sap-on-azure', name: 'SAP on Azure' },
      { id: 'high-performance-computing', name: 'High-performance computing' },
    ],
  },
  {
    id: 'security',
    name: 'Security',
    subAreas: [
      { id: 'identity-access', name: 'Identity & access' },
      { id: 'threat-protection', name: 'Threat protection' },
      { id: 'cloud-security', name: 'Cloud security' },
      { id: 'information-protection', name: 'Information protection' },
    ],
  },
  {
    id: 'modern-work',
    name: 'Modern Work',
    subAreas: [
      { id: 'meetings-collaboration', name: 'Meetings & collaboration' },
      { id: 'frontline-workers', name: 'Frontline workers' },
      { id: 'employee-experience', name: 'Employee experience' },
      { id: 'endpoint-management', name: 'Endpoint management' },
    ],
  },
  {
    id: 'business-applications',
    name: 'Business Applications',
    subAreas: [
      { id: 'customer-engagement', name: 'Customer engagement' },
      { id: 'finance-operations', name: 'Finance & operations' },
      { id: 'low-code', name: 'Low-code apps & automation' },
      { id: 'small-medium-business', name: 'Small & medium business' },
    ],
  },
  {
    id: 'digital-app-innovation',
    name: 'Digital & App Innovation',
    subAreas: [
      { id: 'app-modernization', name: 'App modernization' },
      { id: 'cloud-native-apps', name: 'Cloud-native apps' },
      { id: 'devops-developer-productivity', name: 'DevOps & developer productivity' },
      { id: 'internet-of-things', name: 'Internet of Things' },
    ],
  },
  {
    id: 'industry-solutions',
    name: 'Industry Solutions',
    subAreas: [
      { id: 'healthcare', name: 'Healthcare' },
      { id: 'financial-services', name: 'Financial services' },
      { id: 'retail', name: 'Retail' },
      { id: 'manufacturing', name: 'Manufacturing' },
      { id: 'public-sector', name: 'Public sector' },
    ],
  },
];
