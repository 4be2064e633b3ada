// Source: SPEC §2 Listing, limits by doc version (AZ-cosell-2019/2020, AZ-configure-2021/2022, PC-configure-2023).

/** Listing limits as stated by one doc version. */
export interface ListingLimits {
  /** The doc's ms.date (ISO). */
  docDate: string;
  /** Source tag (SPEC §0). */
  source: string;
  /** Fewest solution areas; null when the doc states none. */
  minSolutionAreas: number | null;
  maxSolutionAreas: number;
  /** Fewest sub-areas per area; null when the doc states none. */
  minSubAreasPerArea: number | null;
  maxSubAreasPerArea: number;
  /** What the doc calls a sub-area ("sales play" from 2023). */
  subAreaTerm: 'sub-area' | 'sales play';
  /** Whether the doc has a (market) segments field. */
  segmentsField: boolean;
  /** Text of the "add solution area" link; null when the doc does not show it. */
  addSolutionAreaLinkText: string | null;
  /** Version notes in English; null when none. */
  note: string | null;
}

/** Limits of the newest doc (07/03/2023): 1–5 solution areas, 1–5 sales plays each. */
export const LATEST_LISTING_LIMITS: ListingLimits = {
  docDate: '2023-07-03',
  source: 'PC-configure-2023',
  minSolutionAreas: 1,
  maxSolutionAreas: 5,
  minSubAreasPerArea: 1,
  maxSubAreasPerArea: 5,
  subAreaTerm: 'sales play',
  segmentsField: false,
  addSolutionAreaLinkText: '+ Add solution area (5 Max)',
  note: "Sub-areas renamed 'sales plays'; segments no longer mentioned.",
};

/** Limits per doc version, oldest first. The versions conflict (SPEC §2): 3 × 2 until 3/17/2021, then 5 × 5. */
export const LISTING_LIMITS: readonly ListingLimits[] = [
  {
    docDate: '2019-08-09',
    source: 'AZ-cosell-2019',
    minSolutionAreas: null,
    maxSolutionAreas: 3,
    minSubAreasPerArea: null,
    maxSubAreasPerArea: 2,
    subAreaTerm: 'sub-area',
    segmentsField: true,
    addSolutionAreaLinkText: null,
    note: null,
  },
  {
    docDate: '2020-05-12',
    source: 'AZ-cosell-2020',
    minSolutionAreas: null,
    maxSolutionAreas: 3,
    minSubAreasPerArea: null,
    maxSubAreasPerArea: 2,
    subAreaTerm: 'sub-area',
    segmentsField: true,
    addSolutionAreaLinkText: null,
    note: null,
  },
  {
    docDate: '2021-03-17',
    source: 'AZ-configure-2021',
    minSolutionAreas: 1,
    maxSolutionAreas: 3,
    minSubAreasPerArea: 1,
    maxSubAreasPerArea: 2,
    subAreaTerm: 'sub-area',
    segmentsField: true,
    addSolutionAreaLinkText: '+ Add solution area (3 Max)',
    note: null,
  },
  {
    docDate: '2022-01-11',
    source: 'AZ-configure-2022',
    minSolutionAreas: 1,
    maxSolutionAreas: 5,
    minSubAreasPerArea: 1,
    maxSubAreasPerArea: 5,
    subAreaTerm: 'sub-area',
    segmentsField: true,
    addSolutionAreaLinkText: '+ Add solution area (5 Max)',
    note: "Same doc's summary list still says 'Solution sub-area (select one or two)' - internal inconsistency.",
  },
  LATEST_LISTING_LIMITS,
];

/**
 * Limits in force on an ISO date (`YYYY-MM-DD`): those of the newest doc dated on or before it;
 * undefined before the first known doc.
 */
export function findListingLimitsAsOf(isoDate: string): ListingLimits | undefined {
  let found: ListingLimits | undefined;
  for (const limits of LISTING_LIMITS) {
    if (limits.docDate <= isoDate) found = limits;
  }
  return found;
}
