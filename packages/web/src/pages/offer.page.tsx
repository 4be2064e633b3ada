import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call, type ClientProblem, type Offer } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { ProblemBar } from '../components/problem-bar';
import { RouterLink } from '../components/router-link';
import { useDocumentTitle } from '../components/use-document-title';
import { hasPermission } from '../domain/tenant';
import { useSignedIn } from '../session/session-context';
import { CosellTabView } from './offers/cosell-tab';
import { focusField } from './offers/focus-field';
import { useVocabularyLabels } from './offers/labels';
import { LifecycleBadge } from './offers/offer-badges';
import { OfferSetupTab } from './offers/offer-setup-tab';
import { PublishStatusBadge } from './offers/publish-badges';
import { PublishTab } from './offers/publish-tab';
import { FIELD_ALIASES } from './offers/publish-targets';
import type { FixTarget, OfferTabId } from './offers/publish-types';
import { StatusTab } from './offers/status-tab';
import { UnsavedChangesGuard } from './offers/unsaved-changes';

const useStyles = makeStyles({
  back: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginBottom: tokens.spacingVerticalS,
  },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  bar: { marginBottom: tokens.spacingVerticalL },
  tabs: { marginBottom: tokens.spacingVerticalL, flexWrap: 'wrap' },
  hidden: { display: 'none' },
});

type TabId = OfferTabId;

const TAB_IDS: readonly TabId[] = ['cosell', 'setup', 'publish', 'status'];
const tabOf = (value: string | null): TabId =>
  TAB_IDS.find((id) => id !== 'cosell' && id === value) ?? 'cosell';

/** Focuses a field by its id, or by the id the page gives it when the server names it otherwise. */
const focusTarget = (field: string) =>
  focusField(field) || (FIELD_ALIASES[field] ?? []).some((alias) => focusField(alias));

/** The newer of two copies of the offer (publishing changes it without a new version). */
const newerOffer = (current: Offer | null, next: Offer) =>
  current &&
  (current.version > next.version ||
    (current.version === next.version && current.updatedAt > next.updatedAt))
    ? current
    : next;

/**
 * One offer: its co-sell tab (the default), its setup, "Review and publish" and its co-sell
 * status.
 */
export default function OfferPage() {
  const { active } = useSignedIn();
  const { offerId = '' } = useParams();
  if (!active) return null;
  return (
    <OfferView
      key={`${active.organisation.id}/${offerId}`}
      organisationId={active.organisation.id}
      offerId={offerId}
      canWrite={hasPermission(active.roles, 'offers.write')}
    />
  );
}

function OfferView({
  organisationId,
  offerId,
  canWrite,
}: {
  organisationId: string;
  offerId: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const [params, setParams] = useSearchParams();
  const tab: TabId = tabOf(params.get('tab'));
  /** Publish and status load when first opened, then stay mounted like the others. */
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  if (!opened.has(tab)) setOpened(new Set([...opened, tab]));
  const [offer, setOffer] = useState<Offer | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [loads, setLoads] = useState(0);
  const [cosellDirty, setCosellDirty] = useState(false);
  const [setupDirty, setSetupDirty] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<Required<FixTarget> | null>(null);
  /** Bumped when "Offer setup" saved or reloaded the offer: the co-sell tab fetches again. */
  const [offerChanges, setOfferChanges] = useState(0);
  const target = useMemo(() => ({ organisationId, offerId }), [organisationId, offerId]);
  useDocumentTitle(offer?.name ?? t('offer.title'));

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/offers/{offerId}', {
        params: { path: target },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setOffer(result.data);
        setProblem(null);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [target, loads]);

  // Keep the newest offer whichever tab brought it.
  const adoptOffer = useCallback(
    (next: Offer) => setOffer((current) => newerOffer(current, next)),
    [],
  );

  const selectTab = (next: TabId) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'cosell') copy.delete('tab');
        else copy.set('tab', next);
        return copy;
      },
      { replace: true },
    );

  // A link to a field (checklist, blocking item, status requirement) opens its tab first,
  // then focuses the field once the tab shows.
  const goTo = (target: FixTarget) => {
    if (target.tab !== tab) selectTab(target.tab);
    if (!target.field) return;
    if (target.tab === tab) focusTarget(target.field);
    else setPendingFocus({ tab: target.tab, field: target.field });
  };
  // The co-sell checklist names fields only: offer fields are on "Offer setup", and the
  // marketplace status is set by publishing.
  const goField = (field: string) =>
    goTo(
      field === 'offer-lifecycle'
        ? { tab: 'publish', field: 'publish-button' }
        : { tab: field.startsWith('offer-') ? 'setup' : 'cosell', field },
    );
  useEffect(() => {
    if (!pendingFocus || tab !== pendingFocus.tab) return;
    const frame = requestAnimationFrame(() => {
      focusTarget(pendingFocus.field);
      setPendingFocus(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [pendingFocus, tab]);

  if (!offer) {
    return problem ? (
      problem.status === 404 ? (
        <EmptyState title={t('offer.notFoundTitle')} headingLevel="h2">
          {t('offer.notFoundBody')}
        </EmptyState>
      ) : (
        <ProblemBar problem={problem} />
      )
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }

  return (
    <>
      <RouterLink to="/offers" className={styles.back}>
        <ArrowLeftRegular aria-hidden />
        {t('offer.backToOffers')}
      </RouterLink>
      <PageHeader
        title={offer.name}
        description={t('offer.headerDescription', {
          type: labels.offerType[offer.offerType],
          alias: offer.alias,
        })}
        actions={
          <span className={styles.badges}>
            <LifecycleBadge state={offer.lifecycleState} />
            {offer.publishStatus !== offer.lifecycleState ? (
              <PublishStatusBadge status={offer.publishStatus} />
            ) : null}
            {offer.archivedAt ? (
              <Badge appearance="filled" color="subtle">
                {t('offers.archived')}
              </Badge>
            ) : null}
          </span>
        }
      />
      {offer.cosellEligible ? null : (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>
            <MessageBarTitle>{t('offer.notEligibleTitle')}</MessageBarTitle>
            {t('offer.notEligibleBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      {offer.archivedAt ? (
        <MessageBar intent="info" className={styles.bar}>
          <MessageBarBody>{t('offer.archivedNote')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_event, data) => selectTab(data.value as TabId)}
      >
        <Tab value="cosell" id="offer-tab-cosell">
          {t('offer.cosellTab')}
        </Tab>
        <Tab value="setup" id="offer-tab-setup">
          {t('offer.setupTab')}
        </Tab>
        <Tab value="publish" id="offer-tab-publish" data-testid="offer-tab-publish">
          {t('offer.publishTab')}
        </Tab>
        <Tab value="status" id="offer-tab-status" data-testid="offer-tab-status">
          {t('offer.statusTab')}
        </Tab>
      </TabList>
      {/* Tabs stay mounted once opened: switching never loses unsaved edits. */}
      <div
        role="tabpanel"
        aria-labelledby="offer-tab-cosell"
        className={tab === 'cosell' ? undefined : styles.hidden}
      >
        <CosellTabView
          target={target}
          reloadSignal={offerChanges}
          canWrite={canWrite}
          onOffer={adoptOffer}
          onDirtyChange={setCosellDirty}
          onGo={goField}
        />
      </div>
      <div
        role="tabpanel"
        aria-labelledby="offer-tab-setup"
        className={tab === 'setup' ? undefined : styles.hidden}
      >
        <OfferSetupTab
          organisationId={organisationId}
          offer={offer}
          canWrite={canWrite}
          onSaved={(saved) => {
            adoptOffer(saved);
            setOfferChanges((n) => n + 1);
          }}
          onReload={() => {
            setLoads((n) => n + 1);
            setOfferChanges((n) => n + 1);
          }}
          onDirtyChange={setSetupDirty}
        />
      </div>
      {opened.has('publish') ? (
        <div
          role="tabpanel"
          aria-labelledby="offer-tab-publish"
          className={tab === 'publish' ? undefined : styles.hidden}
        >
          <PublishTab
            target={target}
            active={tab === 'publish'}
            canWrite={canWrite}
            onOffer={adoptOffer}
            onGo={goTo}
          />
        </div>
      ) : null}
      {opened.has('status') ? (
        <div
          role="tabpanel"
          aria-labelledby="offer-tab-status"
          className={tab === 'status' ? undefined : styles.hidden}
        >
          <StatusTab target={target} active={tab === 'status'} onGo={goTo} />
        </div>
      ) : null}
      <UnsavedChangesGuard when={cosellDirty || setupDirty} />
    </>
  );
}
