/** Pieces of a storefront listing shared by the result cards and the offer page. */
import { Badge } from '@fluentui/react-components';
import { CheckmarkStarburstRegular, RibbonStarRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { currentLocale } from '../../i18n/i18n';
import { countryName } from '../offers/countries';

export type StorefrontListing = components['schemas']['StorefrontListing'];
export type StorefrontBadge = StorefrontListing['badges'][number];

export function useBadgeLabels() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      ({
        'preferred-solution': t('storefront.badge.preferredSolution'),
        'azure-benefit-eligible': t('storefront.badge.azureBenefitEligible'),
      }) satisfies Record<StorefrontBadge, string>,
    [t],
  );
}

/** "Microsoft Preferred Solution", "Azure benefit eligible". */
export function ListingBadge({ badge }: { badge: StorefrontBadge }) {
  const labels = useBadgeLabels();
  const preferred = badge === 'preferred-solution';
  return (
    <Badge
      appearance={preferred ? 'filled' : 'tint'}
      color={preferred ? 'brand' : 'success'}
      icon={preferred ? <RibbonStarRegular /> : <CheckmarkStarburstRegular />}
      data-testid={`storefront-badge-${badge}`}
      style={{ whiteSpace: 'nowrap' }}
    >
      {labels[badge]}
    </Badge>
  );
}

/** Market names in the UI language, sorted by name. */
export function marketNames(markets: readonly string[]): string[] {
  const locale = currentLocale();
  const collator = new Intl.Collator(locale);
  return markets.map((code) => countryName(code, locale)).sort(collator.compare);
}
