/**
 * Localized names for "Review and publish", the co-sell status and the review queue. As in
 * labels.ts, each name is a literal translation call (the translations test finds every key
 * that way) and each record `satisfies` the full list of ids.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PublishSection,
  PublishSectionId,
  PublishStatus,
  SnapshotChange,
  SubmissionState,
  TechnicalValidation,
} from './publish-types';
import type { StepId, StepState } from './submission-steps';

export function usePublishLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      publishStatus: {
        draft: t('publish.publishStatus.draft'),
        'publish-in-progress': t('publish.publishStatus.publish-in-progress'),
        'attention-needed': t('publish.publishStatus.attention-needed'),
        preview: t('publish.publishStatus.preview'),
        live: t('publish.publishStatus.live'),
      } satisfies Record<PublishStatus, string>,
      submissionState: {
        validating: t('publish.state.validating'),
        'attention-needed': t('publish.state.attention-needed'),
        'in-review': t('publish.state.in-review'),
        rejected: t('publish.state.rejected'),
        approved: t('publish.state.approved'),
        preview: t('publish.state.preview'),
        publishing: t('publish.state.publishing'),
        published: t('publish.state.published'),
        cancelled: t('publish.state.cancelled'),
      } satisfies Record<SubmissionState, string>,
      /** Sections of the section list (the co-sell tab's section titles). */
      section: {
        'offer-setup': t('offer.setupTitle'),
        listing: t('listing.title'),
        documents: t('documents.title'),
        landingPage: t('landingPage.title'),
        contacts: t('contacts.title'),
      } satisfies Record<PublishSectionId, string>,
      /** What the publisher ticks: the two tabs. */
      part: {
        'offer-setup': t('offer.setupTab'),
        cosell: t('offer.cosellTab'),
      } satisfies Record<PublishSection, string>,
      changeSection: {
        'offer-setup': t('offer.setupTitle'),
        listing: t('listing.title'),
        documents: t('documents.title'),
        contacts: t('contacts.title'),
      } satisfies Record<SnapshotChange['section'], string>,
      changeKind: {
        added: t('publish.changeKind.added'),
        removed: t('publish.changeKind.removed'),
        changed: t('publish.changeKind.changed'),
      } satisfies Record<SnapshotChange['kind'], string>,
      /** Offer and listing fields as Compare names them. */
      field: {
        name: t('offerForm.name'),
        alias: t('offerForm.alias'),
        offerType: t('offerForm.offerType'),
        summary: t('offerForm.summary'),
        description: t('offerForm.description'),
        markets: t('offerForm.markets'),
        transactable: t('publish.field.transactable'),
        pricedAboveZero: t('publish.field.pricedAboveZero'),
        cspOptIn: t('publish.field.cspOptIn'),
        platforms: t('listing.platforms'),
        segments: t('listing.segments'),
        solutionType: t('listing.solutionType'),
        solutionAreas: t('listing.solutionAreas'),
        landingPageUrl: t('landingPage.label'),
      } as Record<string, string | undefined>,
      step: {
        validation: t('publish.step.validation'),
        review: t('publish.step.review'),
        preview: t('publish.step.preview'),
        goLive: t('publish.step.goLive'),
        live: t('publish.step.live'),
      } satisfies Record<StepId, string>,
      stepState: {
        done: t('publish.stepState.done'),
        current: t('publish.stepState.current'),
        action: t('publish.stepState.action'),
        failed: t('publish.stepState.failed'),
        waiting: t('publish.stepState.waiting'),
        skipped: t('publish.stepState.skipped'),
      } satisfies Record<StepState, string>,
      technical: {
        'not-assessed': t('review.technical.not-assessed'),
        passed: t('review.technical.passed'),
        failed: t('review.technical.failed'),
      } satisfies Record<TechnicalValidation, string>,
      decision: {
        approve: t('review.decision.approve'),
        reject: t('review.decision.reject'),
      } satisfies Record<'approve' | 'reject', string>,
      /** Why a status changed (the history's `cause`); an unknown cause shows as it is. */
      cause: {
        publish: t('status.cause.publish'),
        profile: t('status.cause.profile'),
        policy: t('status.cause.policy'),
        badge: t('status.cause.badge'),
      } as Record<string, string | undefined>,
      yes: t('status.yes'),
      no: t('status.no'),
    }),
    [t],
  );
}

export type PublishLabels = ReturnType<typeof usePublishLabels>;
