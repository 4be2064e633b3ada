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

type TabId = 'cosell' | 'setup';

/** One offer: its co-sell tab (the default) and its setup. */
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
  const tab: TabId = params.get('tab') === 'setup' ? 'setup' : 'cosell';
  const [offer, setOffer] = useState<Offer | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [loads, setLoads] = useState(0);
  const [cosellDirty, setCosellDirty] = useState(false);
  const [setupDirty, setSetupDirty] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
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
    (next: Offer) =>
      setOffer((current) => (current && current.version > next.version ? current : next)),
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

  // A checklist link to an offer field opens "Offer setup" first, then focuses the field.
  const go = (field: string) => {
    if (field.startsWith('offer-') && tab !== 'setup') {
      selectTab('setup');
      setPendingFocus(field);
    } else {
      focusField(field);
    }
  };
  useEffect(() => {
    if (!pendingFocus || tab !== 'setup') return;
    const frame = requestAnimationFrame(() => {
      focusField(pendingFocus);
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
      </TabList>
      {/* Both tabs stay mounted: switching never loses unsaved edits. */}
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
          onGo={go}
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
      <UnsavedChangesGuard when={cosellDirty || setupDirty} />
    </>
  );
}
