/**
 * Localized names of the referral vocabulary. Each name is a literal translation call (the
 * translations test finds every key that way), and each record `satisfies` the full list of
 * ids, so a new id cannot go unnamed.
 */
import type {
  DealKind,
  ReferralDeclineReason,
  ReferralErrorReason,
  ReferralSubstatus,
  SalesStage,
  SolutionAssessmentSalesStage,
  Visibility,
} from '@cosell/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineChannel, TimelineEntry } from './api';

/**
 * The kinds of help a co-sell deal asks of the vendor's sellers (cosell's list; the program
 * names no fixed set).
 */
export const HELP_KINDS = [
  'architecture',
  'customer-introduction',
  'deal-strategy',
  'licensing',
  'other',
] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** Customer size bands offered by the new-deal form. */
export const CUSTOMER_SIZES = [
  '1to50employees',
  '51to500employees',
  'Morethan500employees',
] as const;

export const MARKETPLACE_INTENTS = ['Yes', 'No', 'Have not decided'] as const;
export type MarketplaceIntent = (typeof MARKETPLACE_INTENTS)[number];

export function useReferralLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      substatus: {
        None: t('opportunities.substatus.None'),
        Pending: t('opportunities.substatus.Pending'),
        Received: t('opportunities.substatus.Received'),
        Accepted: t('opportunities.substatus.Accepted'),
        Won: t('opportunities.substatus.Won'),
        Lost: t('opportunities.substatus.Lost'),
        Declined: t('opportunities.substatus.Declined'),
        Expired: t('opportunities.substatus.Expired'),
        Error: t('opportunities.substatus.Error'),
      } satisfies Record<ReferralSubstatus, string>,
      status: {
        None: t('opportunities.status.None'),
        New: t('opportunities.status.New'),
        Active: t('opportunities.status.Active'),
        Closed: t('opportunities.status.Closed'),
      },
      dealKind: {
        outbound: t('opportunities.dealKind.outbound'),
        inbound: t('opportunities.dealKind.inbound'),
        p2p: t('opportunities.dealKind.p2p'),
        'solution-assessment': t('opportunities.dealKind.solution-assessment'),
        lead: t('opportunities.dealKind.lead'),
      } satisfies Record<DealKind, string>,
      visibility: {
        private: t('opportunities.visibility.private'),
        'partner-led': t('opportunities.visibility.partner-led'),
        'co-sell': t('opportunities.visibility.co-sell'),
      } satisfies Record<Visibility, string>,
      visibilityHint: {
        private: t('opportunities.visibilityHint.private'),
        'partner-led': t('opportunities.visibilityHint.partner-led'),
        'co-sell': t('opportunities.visibilityHint.co-sell'),
      } satisfies Record<Visibility, string>,
      helpKind: {
        architecture: t('opportunities.helpKind.architecture'),
        'customer-introduction': t('opportunities.helpKind.customer-introduction'),
        'deal-strategy': t('opportunities.helpKind.deal-strategy'),
        licensing: t('opportunities.helpKind.licensing'),
        other: t('opportunities.helpKind.other'),
      } satisfies Record<HelpKind, string>,
      stage: {
        Created: t('opportunities.stage.Created'),
        Accepted: t('opportunities.stage.Accepted'),
        Qualified: t('opportunities.stage.Qualified'),
        Developed: t('opportunities.stage.Developed'),
        Proposed: t('opportunities.stage.Proposed'),
        Negotiated: t('opportunities.stage.Negotiated'),
        Won: t('opportunities.stage.Won'),
        'Secure customer LOE': t('opportunities.stage.secureLoe'),
        'Collect data': t('opportunities.stage.collectData'),
        'Prepare assessment report': t('opportunities.stage.prepareReport'),
        'Present to customer': t('opportunities.stage.present'),
      } satisfies Record<SalesStage | SolutionAssessmentSalesStage, string>,
      declineReason: {
        'No corresponding Microsoft customer record could be found': t(
          'opportunities.declineReason.noCustomerRecord',
        ),
        'No Microsoft seller directly manages this customer': t(
          'opportunities.declineReason.noSeller',
        ),
        Other: t('opportunities.declineReason.other'),
      } satisfies Record<ReferralDeclineReason, string>,
      errorReason: {
        Duplicate: t('opportunities.errorReason.duplicate'),
        'Wrong customer': t('opportunities.errorReason.wrongCustomer'),
        Other: t('opportunities.errorReason.other'),
      } satisfies Record<ReferralErrorReason, string>,
      channel: {
        web: t('opportunities.channel.web'),
        api: t('opportunities.channel.api'),
        csv: t('opportunities.channel.csv'),
        cli: t('opportunities.channel.cli'),
        system: t('opportunities.channel.system'),
      } satisfies Record<TimelineChannel, string>,
      actorKind: {
        user: t('opportunities.actorKind.user'),
        token: t('opportunities.actorKind.token'),
        system: t('opportunities.actorKind.system'),
      } satisfies Record<TimelineEntry['actor']['kind'], string>,
      timelineAction: {
        create: t('opportunities.timeline.create'),
        patch: t('opportunities.timeline.update'),
        replace: t('opportunities.timeline.update'),
        update: t('opportunities.timeline.update'),
        warn: t('opportunities.timeline.warn'),
        accept: t('opportunities.timeline.accept'),
        decline: t('opportunities.timeline.decline'),
        expire: t('opportunities.timeline.expire'),
        'move-stage': t('opportunities.timeline.moveStage'),
        win: t('opportunities.timeline.win'),
        lose: t('opportunities.timeline.lose'),
        'close-as-error': t('opportunities.timeline.closeError'),
        'upgrade-visibility': t('opportunities.timeline.upgradeVisibility'),
        invite: t('opportunities.timeline.invite'),
      } as Readonly<Record<string, string>>,
      size: {
        '1to50employees': t('opportunities.size.small'),
        '51to500employees': t('opportunities.size.medium'),
        Morethan500employees: t('opportunities.size.large'),
      } satisfies Record<(typeof CUSTOMER_SIZES)[number], string>,
      intent: {
        Yes: t('opportunities.intent.yes'),
        No: t('opportunities.intent.no'),
        'Have not decided': t('opportunities.intent.undecided'),
      } satisfies Record<MarketplaceIntent, string>,
    }),
    [t],
  );
}

export type ReferralLabels = ReturnType<typeof useReferralLabels>;

/** A label from one of the records, or the raw value when the record does not name it. */
export const labelOf = (record: Readonly<Record<string, string>>, value: string | undefined) =>
  value === undefined ? '' : (record[value] ?? value);
