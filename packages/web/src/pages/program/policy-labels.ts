/**
 * Names of the program policies and co-sell statuses. Each name is a literal translation call
 * (the translations test finds every key that way), and each record `satisfies` the API's list of
 * ids, so a new id cannot go unnamed.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

export type PolicyId = components['schemas']['PolicySwitchPreview']['to'];
export type CosellStatusId = components['schemas']['StorefrontListing']['cosellStatus'];

/** The policies in the order they were introduced. */
export const POLICY_IDS = [
  '2019',
  '2020',
  '2021-09',
  '2023',
] as const satisfies readonly PolicyId[];

export const isPolicyId = (value: unknown): value is PolicyId =>
  typeof value === 'string' && (POLICY_IDS as readonly string[]).includes(value);

/** Rank of a status, as the core ranks them: moving up is a gain, moving down a loss. */
export const STATUS_RANK: Record<CosellStatusId, number> = {
  'not-cosell-ready': 0,
  'cosell-ready': 1,
  'azure-ip-cosell-incentivized': 2,
  'business-applications-standard': 2,
  'business-applications-premium': 3,
};

export function usePolicyLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      policy: {
        '2019': t('policy.name.2019'),
        '2020': t('policy.name.2020'),
        '2021-09': t('policy.name.2021-09'),
        '2023': t('policy.name.2023'),
      } satisfies Record<PolicyId, string>,
      summary: {
        '2019': t('policy.summary.2019'),
        '2020': t('policy.summary.2020'),
        '2021-09': t('policy.summary.2021-09'),
        '2023': t('policy.summary.2023'),
      } satisfies Record<PolicyId, string>,
      status: {
        'not-cosell-ready': t('policy.status.not-cosell-ready'),
        'cosell-ready': t('policy.status.cosell-ready'),
        'azure-ip-cosell-incentivized': t('policy.status.azure-ip-cosell-incentivized'),
        'business-applications-standard': t('policy.status.business-applications-standard'),
        'business-applications-premium': t('policy.status.business-applications-premium'),
      } satisfies Record<CosellStatusId, string>,
    }),
    [t],
  );
}

export type PolicyLabels = ReturnType<typeof usePolicyLabels>;

/** A policy id as a name ("September 2021 policy"); an unknown id as it is. */
export const policyName = (labels: PolicyLabels, id: string) =>
  isPolicyId(id) ? labels.policy[id] : id;
