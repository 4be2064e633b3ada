// Source: SPEC §4 Contacts, roles (AZ-cosell-2020, AZ-configure-2021/2022, PC-configure-2023).
// Data only, no zod: the web app bundles it (`@cosell/core/reference-data`).
/** Stable ids of the four contact roles. */
export const CONTACT_ROLE_IDS = [
  'partner-marketing',
  'partner-sales',
  'partner-technical-sales',
  'partner-customer-success-manager',
] as const;

export type ContactRoleId = (typeof CONTACT_ROLE_IDS)[number];

/** Facts about one contact role. */
export interface ContactRole {
  id: ContactRoleId;
  /** Exact English label, as written in the "Role" column of the contacts CSV. */
  label: string;
  /** What the role covers, restated from the docs. */
  description: string;
}

/** Every contact role by id. */
export const CONTACT_ROLES: Readonly<Record<ContactRoleId, ContactRole>> = {
  'partner-marketing': {
    id: 'partner-marketing',
    label: 'Partner marketing',
    description: 'Marketing engagements and listing content.',
  },
  'partner-sales': {
    id: 'partner-sales',
    label: 'Partner sales',
    // At least one per region in which the offer should be co-sell ready; one person may cover
    // several regions.
    description: 'Selling with Microsoft sellers and channel resellers.',
  },
  'partner-technical-sales': {
    id: 'partner-technical-sales',
    label: 'Partner technical sales',
    description: 'Architecture and deployment during and after the sale.',
  },
  'partner-customer-success-manager': {
    id: 'partner-customer-success-manager',
    label: 'Partner customer success manager',
    description: 'Adoption after deployment.',
  },
};

/** Normalises a label for comparison: trimmed, inner whitespace collapsed, lower case. */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

const roleIdByNormalizedLabel: ReadonlyMap<string, ContactRoleId> = new Map(
  CONTACT_ROLE_IDS.map((id) => [normalizeLabel(CONTACT_ROLES[id].label), id]),
);

/**
 * Role id for a CSV "Role" cell, ignoring case, surrounding whitespace and repeated inner spaces
 * (spreadsheets often alter them); undefined when the label is not one of the four roles.
 */
export function parseContactRole(label: string): ContactRoleId | undefined {
  return roleIdByNormalizedLabel.get(normalizeLabel(label));
}

/** Exact English CSV label of a role (what export writes). */
export function contactRoleLabel(id: ContactRoleId): string {
  return CONTACT_ROLES[id].label;
}
