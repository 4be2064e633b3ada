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

/**
 * The role labels in the languages of the user interface besides English, as the contact
 * pickers show them. A contacts file may name roles in any of these too: people fill the file
 * in their own language. Export keeps writing the English label.
 */
export const CONTACT_ROLE_TRANSLATED_LABELS: Readonly<
  Record<'zh-CN' | 'zh-TW' | 'sv-SE' | 'pl-PL', Readonly<Record<ContactRoleId, string>>>
> = {
  'zh-CN': {
    'partner-marketing': '合作伙伴营销',
    'partner-sales': '合作伙伴销售',
    'partner-technical-sales': '合作伙伴技术销售',
    'partner-customer-success-manager': '合作伙伴客户成功经理',
  },
  'zh-TW': {
    'partner-marketing': '合作夥伴行銷',
    'partner-sales': '合作夥伴銷售',
    'partner-technical-sales': '合作夥伴技術銷售',
    'partner-customer-success-manager': '合作夥伴客戶成功經理',
  },
  'sv-SE': {
    'partner-marketing': 'Partnermarknadsföring',
    'partner-sales': 'Partnerförsäljning',
    'partner-technical-sales': 'Teknisk partnerförsäljning',
    'partner-customer-success-manager': 'Partnerns kundframgångsansvarige',
  },
  'pl-PL': {
    'partner-marketing': 'Marketing partnera',
    'partner-sales': 'Sprzedaż partnera',
    'partner-technical-sales': 'Sprzedaż techniczna partnera',
    'partner-customer-success-manager': 'Menedżer ds. sukcesu klienta partnera',
  },
};

/**
 * Normalises a label for comparison: compatibility forms folded (full-width letters and
 * spaces), trimmed, inner whitespace collapsed, lower case.
 */
function normalizeLabel(label: string): string {
  return label.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const roleIdByNormalizedLabel: ReadonlyMap<string, ContactRoleId> = new Map(
  [CONTACT_ROLES, ...Object.values(CONTACT_ROLE_TRANSLATED_LABELS)].flatMap((labels) =>
    CONTACT_ROLE_IDS.map((id) => {
      const label: string | ContactRole = labels[id];
      return [normalizeLabel(typeof label === 'string' ? label : label.label), id] as const;
    }),
  ),
);

/**
 * Role id for a CSV "Role" cell: the English label or its translation in one of the interface
 * languages, ignoring case, surrounding whitespace and repeated inner spaces (spreadsheets
 * often alter them); undefined when the label is not one of the four roles.
 */
export function parseContactRole(label: string): ContactRoleId | undefined {
  return roleIdByNormalizedLabel.get(normalizeLabel(label));
}

/** Exact English CSV label of a role (what export writes). */
export function contactRoleLabel(id: ContactRoleId): string {
  return CONTACT_ROLES[id].label;
}
