/**
 * Localized names of the co-sell vocabulary. Each name is a literal translation call (the
 * translations test finds every key that way), and each record `satisfies` the full list of ids,
 * so a new id cannot go unnamed.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ContactRoleId,
  DocumentKindId,
  LifecycleState,
  OfferTypeId,
  SectionState,
  SolutionTypeId,
} from '../../api/client';

export function useVocabularyLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      offerType: {
        'azure-application': t('offerType.azure-application'),
        'azure-container': t('offerType.azure-container'),
        'azure-virtual-machine': t('offerType.azure-virtual-machine'),
        'consulting-service': t('offerType.consulting-service'),
        'dynamics-365-dataverse-power-apps': t('offerType.dynamics-365-dataverse-power-apps'),
        'dynamics-365-operations-apps': t('offerType.dynamics-365-operations-apps'),
        'dynamics-365-business-central': t('offerType.dynamics-365-business-central'),
        'iot-edge-module': t('offerType.iot-edge-module'),
        'managed-service': t('offerType.managed-service'),
        'power-bi-app': t('offerType.power-bi-app'),
        saas: t('offerType.saas'),
        'office-add-in': t('offerType.office-add-in'),
      } satisfies Record<OfferTypeId, string>,
      lifecycle: {
        draft: t('lifecycle.draft'),
        preview: t('lifecycle.preview'),
        live: t('lifecycle.live'),
        'stop-sold': t('lifecycle.stop-sold'),
      } satisfies Record<LifecycleState, string>,
      solutionType: {
        device: t('solutionType.device'),
        ip: t('solutionType.ip'),
        'managed-service': t('solutionType.managed-service'),
        service: t('solutionType.service'),
      } satisfies Record<SolutionTypeId, string>,
      solutionTypeHint: {
        device: t('solutionTypeHint.device'),
        ip: t('solutionTypeHint.ip'),
        'managed-service': t('solutionTypeHint.managed-service'),
        service: t('solutionTypeHint.service'),
      } satisfies Record<SolutionTypeId, string>,
      documentKind: {
        'one-pager': t('documentKind.one-pager'),
        'pitch-deck': t('documentKind.pitch-deck'),
        'customer-case-study': t('documentKind.customer-case-study'),
        'verifiable-customer-wins': t('documentKind.verifiable-customer-wins'),
        'channel-pitch-deck': t('documentKind.channel-pitch-deck'),
        'reference-architecture-diagram': t('documentKind.reference-architecture-diagram'),
        other: t('documentKind.other'),
      } satisfies Record<DocumentKindId, string>,
      documentKindHint: {
        'one-pager': t('documentKindHint.one-pager'),
        'pitch-deck': t('documentKindHint.pitch-deck'),
        'customer-case-study': t('documentKindHint.customer-case-study'),
        'verifiable-customer-wins': t('documentKindHint.verifiable-customer-wins'),
        'channel-pitch-deck': t('documentKindHint.channel-pitch-deck'),
        'reference-architecture-diagram': t('documentKindHint.reference-architecture-diagram'),
        other: t('documentKindHint.other'),
      } satisfies Record<DocumentKindId, string>,
      contactRole: {
        'partner-marketing': t('contactRole.partner-marketing'),
        'partner-sales': t('contactRole.partner-sales'),
        'partner-technical-sales': t('contactRole.partner-technical-sales'),
        'partner-customer-success-manager': t('contactRole.partner-customer-success-manager'),
      } satisfies Record<ContactRoleId, string>,
      contactRoleHint: {
        'partner-marketing': t('contactRoleHint.partner-marketing'),
        'partner-sales': t('contactRoleHint.partner-sales'),
        'partner-technical-sales': t('contactRoleHint.partner-technical-sales'),
        'partner-customer-success-manager': t('contactRoleHint.partner-customer-success-manager'),
      } satisfies Record<ContactRoleId, string>,
      sectionState: {
        'not-started': t('sectionState.not-started'),
        incomplete: t('sectionState.incomplete'),
        complete: t('sectionState.complete'),
      } satisfies Record<SectionState, string>,
    }),
    [t],
  );
}

export type VocabularyLabels = ReturnType<typeof useVocabularyLabels>;
