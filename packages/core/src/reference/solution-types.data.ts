// Source: SPEC §2 Listing, solution types (AZ-cosell-2019 … PC-configure-2023).
// Data only, no zod: the web app bundles it (`@cosell/core/reference-data`).
/** Stable ids of the listing's "Solution type" field (exactly one per listing). */
export const SOLUTION_TYPE_IDS = ['device', 'ip', 'managed-service', 'service'] as const;

export type SolutionTypeId = (typeof SOLUTION_TYPE_IDS)[number];

/** Facts about one solution type. */
export interface SolutionType {
  id: SolutionTypeId;
  /** English label as in every doc version since 2020. */
  name: string;
  /** Short English description, restated from the docs. */
  description: string;
  /** Label in the 2019 draft, where the field itself was called "Offer type". */
  formerName2019: string;
}

/** Every solution type by id. Azure IP co-sell (2023) requires `ip`. */
export const SOLUTION_TYPES: Readonly<Record<SolutionTypeId, SolutionType>> = {
  device: {
    id: 'device',
    name: 'Device (hardware)',
    description: 'Offer that involves building or selling hardware from a device manufacturer.',
    formerName2019: 'Device',
  },
  ip: {
    id: 'ip',
    name: 'IP (application)',
    description:
      'Apps or other copyrightable material licensed for customer use (e.g. an installable CRM).',
    formerName2019: 'IP',
  },
  'managed-service': {
    id: 'managed-service',
    name: 'Managed Service',
    description: 'Hands-on expertise for a cloud-based project, usually ongoing.',
    formerName2019: 'Managed Service',
  },
  service: {
    id: 'service',
    name: 'Service',
    description: 'Hands-on expertise for a one-time project, often by consultants.',
    formerName2019: 'Service',
  },
};
