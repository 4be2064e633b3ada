/**
 * The partner program profile as the screens show it: field names, values, and where each value
 * came from (who set it, when, how, and whether the program verified it). Used by the partner's
 * settings and by the program admin's profile dialog.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, InfoRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, etagOf, type ClientProblem } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { formatDateTime } from '../../components/format';
import { currentLocale } from '../../i18n/i18n';
import { joinList } from '../../i18n/list';

export type ProgramProfile = components['schemas']['ProgramProfile'];
/** The fields a program admin may mark verified: every field of the profile. */
export type ProfileField = NonNullable<
  paths['/api/organisations/{organisationId}/program-profile']['patch']['requestBody']['content']['application/json']['verify']
>[number];
export type Provenance = NonNullable<ProgramProfile['provenance'][string]>;
export type IsvConnect = ProgramProfile['isvConnect'];

/** Every field, in the order the screens list them. */
export const PROFILE_FIELDS = [
  'partnerId',
  'marketplaceAccountActive',
  'businessProfileComplete',
  'azureConsumedRevenueUsd',
  'marketplaceBilledRevenueUsd',
  'goldCompetency',
  'solutionsPartnerDesignations',
  'isvConnect',
] as const satisfies readonly ProfileField[];

/** What partners enter for themselves (the core's PARTNER_EDITABLE_FIELDS); the rest is the program's. */
export const PARTNER_FIELDS = [
  'partnerId',
  'marketplaceAccountActive',
  'businessProfileComplete',
] as const satisfies readonly ProfileField[];
export type PartnerField = (typeof PARTNER_FIELDS)[number];

export const PROGRAM_FIELDS = PROFILE_FIELDS.filter(
  (field) => !(PARTNER_FIELDS as readonly string[]).includes(field),
);

export const ISV_CONNECT_LEVELS = [
  'none',
  'standard',
  'premium',
] as const satisfies readonly IsvConnect[];

/** Amounts in USD in the UI language, without cents ("USD 150,000", "150 000 USD"). */
export function formatUsd(amount: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'code',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function useProfileLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      field: {
        partnerId: t('profile.field.partnerId'),
        marketplaceAccountActive: t('profile.field.marketplaceAccountActive'),
        businessProfileComplete: t('profile.field.businessProfileComplete'),
        azureConsumedRevenueUsd: t('profile.field.azureConsumedRevenueUsd'),
        marketplaceBilledRevenueUsd: t('profile.field.marketplaceBilledRevenueUsd'),
        goldCompetency: t('profile.field.goldCompetency'),
        solutionsPartnerDesignations: t('profile.field.solutionsPartnerDesignations'),
        isvConnect: t('profile.field.isvConnect'),
      } satisfies Record<ProfileField, string>,
      isvConnect: {
        none: t('profile.isvConnect.none'),
        standard: t('profile.isvConnect.standard'),
        premium: t('profile.isvConnect.premium'),
      } satisfies Record<IsvConnect, string>,
      source: {
        partner: t('profile.source.partner'),
        program: t('profile.source.program'),
        import: t('profile.source.import'),
        api: t('profile.source.api'),
      } satisfies Record<Provenance['source'], string>,
      yes: t('profile.yes'),
      no: t('profile.no'),
      notSet: t('profile.notSet'),
    }),
    [t],
  );
}

export type ProfileLabels = ReturnType<typeof useProfileLabels>;

/** A field's value as text (read-only views and tables). */
export function profileValue(
  profile: ProgramProfile,
  field: ProfileField,
  labels: ProfileLabels,
): string {
  switch (field) {
    case 'partnerId':
      return profile.partnerId ?? labels.notSet;
    case 'marketplaceAccountActive':
    case 'businessProfileComplete':
    case 'goldCompetency':
      return profile[field] ? labels.yes : labels.no;
    case 'azureConsumedRevenueUsd':
    case 'marketplaceBilledRevenueUsd':
      return formatUsd(profile[field]);
    case 'solutionsPartnerDesignations':
      return joinList(profile.solutionsPartnerDesignations, currentLocale()) || labels.notSet;
    case 'isvConnect':
      return labels.isvConnect[profile.isvConnect];
  }
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    color: tokens.colorNeutralForeground3,
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: '2px' },
  verified: { color: tokens.colorPaletteGreenForeground1 },
});

/**
 * "CSV import · 12 May 2026, 10:00 · Verified 13 May 2026": where a value came from. `names`
 * resolves user ids the viewer can see (the API gives ids only); unknown ids show no name.
 */
export function ProvenanceNote({
  provenance,
  names,
  id,
}: {
  provenance: Provenance | undefined;
  names?: ReadonlyMap<string, string>;
  id?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useProfileLabels();
  if (!provenance) {
    return (
      <Caption1 id={id} className={styles.root}>
        {t('profile.neverSet')}
      </Caption1>
    );
  }
  const who = provenance.setBy ? names?.get(provenance.setBy) : undefined;
  const when = formatDateTime(provenance.setAt);
  return (
    <Caption1 id={id} className={styles.root}>
      <span className={styles.item}>
        <InfoRegular aria-hidden />
        {who
          ? t('profile.setByWho', { source: labels.source[provenance.source], who, when })
          : t('profile.setBy', { source: labels.source[provenance.source], when })}
      </span>
      {provenance.verifiedAt ? (
        <span className={`${styles.item} ${styles.verified}`}>
          <CheckmarkCircleRegular aria-hidden />
          {t('profile.verifiedAt', { when: formatDateTime(provenance.verifiedAt) })}
        </span>
      ) : (
        <span className={styles.item}>{t('profile.notVerified')}</span>
      )}
    </Caption1>
  );
}

type ProfilePatch = NonNullable<
  paths['/api/organisations/{organisationId}/program-profile']['patch']['requestBody']
>['content']['application/json'];

/**
 * An organisation's program profile as an editable draft: loaded (again on `reload`), saved
 * with If-Match; `onLoad` runs after each load (e.g. to clear other per-load state).
 */
export function useProfileDraft<D>(
  organisationId: string,
  toDraft: (profile: ProgramProfile) => D,
  onLoad?: () => void,
) {
  const [profile, setProfile] = useState<ProgramProfile | null>(null);
  const [etag, setEtag] = useState<string | undefined>();
  const [draft, setDraft] = useState<D | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [loads, setLoads] = useState(0);
  const loaded = useRef(onLoad);
  useEffect(() => {
    loaded.current = onLoad;
  });

  const show = (next: ProgramProfile, response: Response) => {
    setProfile(next);
    setEtag(etagOf(response));
    setDraft(toDraft(next));
  };

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/program-profile', {
        params: { path: { organisationId } },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setProblem(result.problem);
        return;
      }
      show(result.data, result.response);
      loaded.current?.();
      setProblem(null);
    });
    return () => {
      cancelled = true;
    };
    // `toDraft` is a module-level function of the caller; `show` only uses it and setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [organisationId, loads]);

  /** Saves `body`; the saved profile, or null when refused (then `problem` says why). */
  const save = async (body: ProfilePatch): Promise<ProgramProfile | null> => {
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.PATCH('/api/organisations/{organisationId}/program-profile', {
        params: {
          path: { organisationId },
          header: { 'if-match': etag ?? `"v${profile?.version ?? 0}"` },
        },
        body,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return null;
    }
    show(result.data, result.response);
    return result.data;
  };

  return {
    profile,
    draft,
    setDraft,
    busy,
    problem,
    reload: () => setLoads((n) => n + 1),
    save,
  };
}
