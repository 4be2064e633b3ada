/**
 * Shows the values of a published snapshot and of Compare in words: taxonomy ids as names
 * (when the program taxonomy is at hand), offer types, document kinds and contact roles by
 * their labels, countries by name, long lists shortened.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ContactRoleId,
  DocumentKindId,
  OfferTypeId,
  SolutionTypeId,
  Taxonomy,
} from '../../api/client';
import { currentLocale } from '../../i18n/i18n';
import { joinList } from '../../i18n/list';
import { countryName } from './countries';
import { useVocabularyLabels } from './labels';
import { usePublishLabels } from './publish-labels';
import type { SnapshotChange } from './publish-types';

/** How many names a list shows before "and N more". */
const LIST_MAX = 6;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function useSnapshotFormat(taxonomy: Taxonomy | null) {
  const { t } = useTranslation();
  const labels = useVocabularyLabels();
  const publishLabels = usePublishLabels();
  const locale = currentLocale();

  return useMemo(() => {
    const byId = (list: readonly { id: string; name: string }[] | undefined) =>
      new Map((list ?? []).map((item) => [item.id, item.name]));
    const platforms = byId(taxonomy?.platforms);
    const segments = byId(taxonomy?.segments);
    const areas = byId(taxonomy?.solutionAreas);
    const subAreas = byId(taxonomy?.solutionAreas.flatMap((area) => area.subAreas));

    const list = (names: readonly string[]) => {
      if (names.length === 0) return t('publish.none');
      if (names.length <= LIST_MAX) return joinList(names, locale);
      return t('publish.andMore', {
        list: joinList(names.slice(0, LIST_MAX), locale),
        count: names.length - LIST_MAX,
      });
    };
    const country = (code: string) => countryName(code, locale, t('countries.all'));
    const offerType = (id: string) => labels.offerType[id as OfferTypeId] ?? id;
    const solutionType = (id: string | null) =>
      id ? (labels.solutionType[id as SolutionTypeId] ?? id) : t('publish.none');
    const documentKind = (id: string) => labels.documentKind[id as DocumentKindId] ?? id;
    const contactRole = (id: string) => labels.contactRole[id as ContactRoleId] ?? id;
    const solutionAreas = (value: unknown) =>
      list(
        (Array.isArray(value) ? value : []).filter(isRecord).map((area) => {
          const name = areas.get(String(area.areaId)) ?? String(area.areaId);
          const subs = Array.isArray(area.subAreaIds)
            ? area.subAreaIds.map((id) => subAreas.get(String(id)) ?? String(id))
            : [];
          return subs.length > 0 ? `${name} (${joinList(subs, locale)})` : name;
        }),
      );
    const contact = (value: unknown) => {
      if (!isRecord(value)) return String(value);
      const countries = Array.isArray(value.countries) ? value.countries.map(String) : [];
      return [
        value.name,
        value.jobTitle,
        contactRole(String(value.role)),
        list(countries.map(country)),
      ]
        .filter((part) => typeof part === 'string' && part !== '')
        .join(' · ');
    };

    /** A Compare value in words ("—" for nothing). */
    const value = (change: Pick<SnapshotChange, 'section' | 'field'>, raw: unknown): string => {
      if (raw === null || raw === undefined || raw === '') return '—';
      if (change.section === 'contacts') return contact(raw);
      if (typeof raw === 'boolean') return raw ? publishLabels.yes : publishLabels.no;
      switch (change.field) {
        case 'offerType':
          return offerType(String(raw));
        case 'markets':
          return Array.isArray(raw) ? list(raw.map((code) => country(String(code)))) : String(raw);
        case 'platforms':
          return Array.isArray(raw) ? list(raw.map((id) => platforms.get(id) ?? id)) : String(raw);
        case 'segments':
          return Array.isArray(raw) ? list(raw.map((id) => segments.get(id) ?? id)) : String(raw);
        case 'solutionType':
          return solutionType(String(raw));
        case 'solutionAreas':
          return solutionAreas(raw);
      }
      if (Array.isArray(raw)) return list(raw.map(String));
      if (isRecord(raw)) return JSON.stringify(raw);
      return String(raw);
    };

    /** The field of a change in words: a field label, a document kind, a contact. */
    const field = (change: Pick<SnapshotChange, 'section' | 'field'>): string => {
      if (change.section === 'documents') return documentKind(change.field);
      if (change.section === 'contacts') {
        // "e-mail (role)"
        const match = /^(.*) \(([^)]+)\)$/.exec(change.field);
        return match ? `${match[1]} (${contactRole(match[2]!)})` : change.field;
      }
      return publishLabels.field[change.field] ?? change.field;
    };

    return {
      list,
      country,
      offerType,
      solutionType,
      documentKind,
      contactRole,
      solutionAreas,
      platform: (id: string) => platforms.get(id) ?? id,
      segment: (id: string) => segments.get(id) ?? id,
      value,
      field,
    };
  }, [t, labels, publishLabels, locale, taxonomy]);
}

export type SnapshotFormat = ReturnType<typeof useSnapshotFormat>;
