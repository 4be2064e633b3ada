/**
 * The tenant vocabulary the screens need: locales, organisation kinds, roles per kind and the
 * permissions that decide which controls to show. The source of truth is `@cosell/core`; these
 * copies exist because importing the core's barrel would put zod and the reference data (about
 * 30 KB gzipped) on every route. `tenant.test.ts` fails the moment they drift apart, and the
 * `satisfies` clauses keep them inside the core's types. The server enforces every permission
 * again; the client only uses them to avoid offering actions that would be refused.
 */
import type { Locale, OrganisationKind, Permission, Role } from '@cosell/core';

export type { Locale, OrganisationKind, Role };

export const LOCALES = [
  'en',
  'zh-CN',
  'zh-TW',
  'sv-SE',
  'pl-PL',
] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, so a reader finds theirs whatever the current language is. */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  'sv-SE': 'Svenska',
  'pl-PL': 'Polski',
};

export const ORGANISATION_KINDS = [
  'vendor',
  'partner',
  'reseller',
] as const satisfies readonly OrganisationKind[];

export const ROLES_BY_KIND = {
  partner: ['owner', 'manager', 'contributor', 'referrals-admin', 'referrals-user', 'viewer'],
  vendor: ['program-admin', 'reviewer', 'seller'],
  reseller: ['member'],
} as const satisfies Record<OrganisationKind, readonly Role[]>;

export const ROLES = [
  ...ROLES_BY_KIND.partner,
  ...ROLES_BY_KIND.vendor,
  ...ROLES_BY_KIND.reseller,
] as const satisfies readonly Role[];

/** The permissions the web app asks about, with the roles that grant them (as in the core). */
export const PERMISSIONS = {
  'members.read': ['owner', 'manager', 'program-admin', 'member'],
  'members.manage': ['owner', 'program-admin', 'member'],
  'organisation.update': ['owner', 'program-admin'],
  'program.manage': ['program-admin'],
  'program.read': ['program-admin', 'reviewer', 'seller'],
  'offers.read': ['owner', 'manager', 'contributor', 'referrals-admin', 'referrals-user', 'viewer'],
  'offers.write': ['owner', 'manager', 'contributor'],
  'profile.write': ['owner', 'manager'],
  'review.decide': ['program-admin', 'reviewer'],
} as const satisfies Partial<Record<Permission, readonly Role[]>>;

export type WebPermission = keyof typeof PERMISSIONS;

/** True when any of `roles` grants `permission`. */
export function hasPermission(roles: readonly string[], permission: WebPermission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** The roles an organisation of `kind` may hand out. */
export const rolesForKind = (kind: OrganisationKind): readonly Role[] => ROLES_BY_KIND[kind];

/** Maps a browser language list (navigator.languages) to a supported locale. */
export function negotiateLocale(preferred: readonly string[]): Locale {
  for (const raw of preferred) {
    const tag = raw.toLowerCase();
    const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    if (tag === 'zh-hant' || tag.startsWith('zh-hant-') || tag === 'zh-hk' || tag === 'zh-mo') {
      return 'zh-TW';
    }
    const language = tag.split('-')[0];
    const byLanguage = LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language);
    if (byLanguage) return byLanguage;
  }
  return DEFAULT_LOCALE;
}

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
