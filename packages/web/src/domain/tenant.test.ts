import * as core from '@cosell/core';
import { describe, expect, it } from 'vitest';
import {
  hasPermission,
  LOCALE_NATIVE_NAMES,
  LOCALES,
  negotiateLocale,
  ORGANISATION_KINDS,
  PERMISSIONS,
  ROLES,
  ROLES_BY_KIND,
} from './tenant';

describe('web tenant vocabulary', () => {
  it('matches the core locales, kinds and roles', () => {
    expect([...LOCALES]).toEqual([...core.LOCALES]);
    expect([...ORGANISATION_KINDS]).toEqual([...core.ORGANISATION_KINDS]);
    expect([...ROLES]).toEqual([...core.ROLES]);
    for (const kind of core.ORGANISATION_KINDS) {
      expect([...ROLES_BY_KIND[kind]]).toEqual([...core.ROLES_BY_KIND[kind]]);
    }
  });

  it('grants each permission to exactly the roles the core grants it to', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      for (const role of core.ROLES) {
        expect(hasPermission([role], permission), `${permission} / ${role}`).toBe(
          core.hasPermission([role], permission),
        );
      }
    }
  });

  it('names every locale in its own language', () => {
    expect(Object.keys(LOCALE_NATIVE_NAMES).sort()).toEqual([...LOCALES].sort());
  });

  it('negotiates browser languages like the server does', () => {
    const cases = [['pl'], ['zh-Hant'], ['zh-HK'], ['zh'], ['sv-FI'], ['de', 'sv'], ['fr'], []];
    for (const languages of cases) {
      expect(negotiateLocale(languages), languages.join(',')).toBe(
        core.negotiateLocale(languages.join(',')),
      );
    }
    // Browsers also send script-and-region tags, which must stay Traditional.
    expect(negotiateLocale(['zh-Hant-TW'])).toBe('zh-TW');
  });
});
