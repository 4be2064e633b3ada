import { z } from 'zod';
import { nameText } from '../reference/text';

/** Organisation kinds: the vendor runs the program, partners publish, resellers resell (CSP). */
export const ORGANISATION_KINDS = ['vendor', 'partner', 'reseller'] as const;
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const PARTNER_ROLES = [
  'owner',
  'manager',
  'contributor',
  'referrals-admin',
  'referrals-user',
  'viewer',
] as const;
export const VENDOR_ROLES = ['program-admin', 'reviewer', 'seller'] as const;
export const RESELLER_ROLES = ['member'] as const;

export const ROLES = [...PARTNER_ROLES, ...VENDOR_ROLES, ...RESELLER_ROLES] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  partner: PARTNER_ROLES,
  vendor: VENDOR_ROLES,
  reseller: RESELLER_ROLES,
};

/** The roles a membership of an organisation of `kind` may hold. */
export const rolesForKind = (kind: OrganisationKind): readonly Role[] => ROLES_BY_KIND[kind];

export const LOCALES = ['en', 'zh-CN', 'zh-TW', 'sv-SE', 'pl-PL'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
export const DEFAULT_LOCALE: Locale = 'en';

/** Picks the best supported locale for an Accept-Language header or a stored preference. */
export function negotiateLocale(preferred: string | null | undefined): Locale {
  if (!preferred) return DEFAULT_LOCALE;
  const wanted = preferred
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    if (/^zh-(hant|tw|hk|mo)\b/.test(tag)) return 'zh-TW';
    const language = tag.split('-')[0];
    const byLanguage = LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language);
    if (byLanguage) return byLanguage;
  }
  return DEFAULT_LOCALE;
}

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'email.invalid' }));

/** Passwords: at least 10 characters, at most 200 (argon2 input stays bounded). */
export const PasswordSchema = z
  .string()
  .min(10, { error: 'password.tooShort' })
  .max(200, { error: 'password.tooLong' });

/** A person's display name: one visible line (see `nameText`). */
export const PersonNameSchema = nameText({
  max: 120,
  tooShort: 'name.required',
  tooLong: 'name.tooLong',
});

/** An organisation's name: one visible line (see `nameText`). */
export const OrganisationNameSchema = nameText({
  min: 2,
  max: 160,
  tooShort: 'organisationName.tooShort',
  tooLong: 'organisationName.tooLong',
});
