import {
  BoxMultipleFilled,
  BoxMultipleRegular,
  bundleIcon,
  BuildingShopFilled,
  BuildingShopRegular,
  ClipboardTaskListLtrFilled,
  ClipboardTaskListLtrRegular,
  HandshakeFilled,
  HandshakeRegular,
  HomeFilled,
  HomeRegular,
  LibraryFilled,
  LibraryRegular,
  RibbonFilled,
  RibbonRegular,
  SettingsFilled,
  SettingsRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { hasPermission, type OrganisationKind } from '../domain/tenant';

export interface NavEntry {
  /** Also the last part of the `data-testid` (`nav-<id>`). */
  id: string;
  path: string;
  label: string;
  icon: FluentIcon;
}

const Offers = bundleIcon(BoxMultipleFilled, BoxMultipleRegular);
const Opportunities = bundleIcon(HandshakeFilled, HandshakeRegular);
const Catalog = bundleIcon(LibraryFilled, LibraryRegular);
const ReviewQueue = bundleIcon(ClipboardTaskListLtrFilled, ClipboardTaskListLtrRegular);
const ProgramIcon = bundleIcon(RibbonFilled, RibbonRegular);
const SettingsIcon = bundleIcon(SettingsFilled, SettingsRegular);
const StorefrontIcon = bundleIcon(BuildingShopFilled, BuildingShopRegular);
const StartIcon = bundleIcon(HomeFilled, HomeRegular);

/**
 * The left navigation of the active organisation: its kind decides the pages, the user's roles
 * there leave out what they cannot use (a seller has no review queue).
 */
export function navItemsFor(
  kind: OrganisationKind,
  roles: readonly string[],
  t: TFunction,
): NavEntry[] {
  const start = { id: 'start', path: '/start', label: t('nav.start'), icon: StartIcon };
  const offers = { id: 'offers', path: '/offers', label: t('nav.offers'), icon: Offers };
  const opportunities = {
    id: 'opportunities',
    path: '/opportunities',
    label: t('nav.opportunities'),
    icon: Opportunities,
  };
  const catalog = { id: 'catalog', path: '/catalog', label: t('nav.catalog'), icon: Catalog };
  const review = {
    id: 'review-queue',
    path: '/review-queue',
    label: t('nav.reviewQueue'),
    icon: ReviewQueue,
  };
  const program = { id: 'program', path: '/program', label: t('nav.program'), icon: ProgramIcon };
  const storefront = {
    id: 'storefront',
    path: '/storefront',
    label: t('nav.storefront'),
    icon: StorefrontIcon,
  };
  const settings = {
    id: 'settings',
    path: '/settings',
    label: t('nav.settings'),
    icon: SettingsIcon,
  };
  switch (kind) {
    case 'partner':
      return [offers, opportunities, storefront, settings];
    case 'vendor':
      return [
        ...(hasPermission(roles, 'program.manage') ? [start] : []),
        catalog,
        ...(hasPermission(roles, 'review.decide') ? [review] : []),
        opportunities,
        program,
        storefront,
        settings,
      ];
    case 'reseller':
      return [catalog, opportunities, storefront, settings];
  }
}
