import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, SendRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, etagOf, type ClientProblem, type Offer, type Taxonomy } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDateTime } from '../../components/format';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';
import { CompareTable } from './compare-table';
import { newIdempotencyKey } from './idempotency';
import { SectionStateBadge } from './offer-badges';
import { usePublishLabels } from './publish-labels';
import {
  AUTOMATIC_STATES,
  type FixTarget,
  type PublishSection,
  type PublishSectionId,
  type PublishView,
} from './publish-types';
import { ProblemList, SubmissionProgress } from './submission-progress';
import { SubmissionHistory } from './submission-history';

const useStyles = makeStyles({
  sections: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  sectionRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sectionName: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  choiceHint: { color: tokens.colorNeutralForeground3, paddingInlineStart: '32px' },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    marginBottom: tokens.spacingVerticalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  reason: { color: tokens.colorNeutralForeground2, flexBasis: '240px', flexGrow: 1 },
  bar: { marginBottom: tokens.spacingVerticalL },
});

/** The section list's links: where each section is filled in. */
const SECTION_TARGETS: Record<PublishSectionId, FixTarget> = {
  'offer-setup': { tab: 'setup', field: 'offer-type' },
  listing: { tab: 'cosell', field: 'listing-platforms' },
  documents: { tab: 'cosell', field: 'documents' },
  landingPage: { tab: 'cosell', field: 'landing-page-url' },
  contacts: { tab: 'cosell', field: 'contacts' },
};

const PUBLISH_SECTIONS: readonly PublishSection[] = ['offer-setup', 'cosell'];

/** How often the tab asks again while the pipeline works, and while a reviewer decides. */
const POLL_MS = 1_500;
const REVIEW_POLL_MS = 15_000;

/**
 * "Review and publish": every section's state, what to publish, what blocks it, Compare
 * against the live version, the submission on its way as steps (Cancel, Go live) and the
 * history. Publishing sends the draft version read here (the view's ETag) as If-Match.
 */
export function PublishTab({
  target,
  active,
  canWrite,
  onOffer,
  onGo,
}: {
  target: { organisationId: string; offerId: string };
  /** The tab is shown: it reads again (other tabs may have changed the draft) and polls. */
  active: boolean;
  canWrite: boolean;
  onOffer: (offer: Offer) => void;
  onGo: (target: FixTarget) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePublishLabels();
  const notify = useNotify();
  const reasonId = useId();
  const [view, setView] = useState<PublishView | null>(null);
  const [etag, setEtag] = useState<string | undefined>(undefined);
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [loadProblem, setLoadProblem] = useState<ClientProblem | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [loads, setLoads] = useState(0);
  const [confirmCancel, setConfirmCancel] = useState(false);
  /** The publisher's ticks; untouched sections follow the server (required ones ticked). */
  const [ticks, setTicks] = useState<Partial<Record<PublishSection, boolean>>>({});
  /** Kept across a retry after a network failure, so the server acts once. */
  const idempotencyKey = useRef<string | null>(null);

  const receive = useCallback(
    (next: PublishView, response?: Response) => {
      setView(next);
      setEtag((response && etagOf(response)) ?? `"v${next.offer.version}"`);
      setLoadProblem(null);
      onOffer(next.offer);
    },
    [onOffer],
  );

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/offers/{offerId}/publish', {
        params: { path: target },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) receive(result.data, result.response);
      else setLoadProblem(result.problem);
    });
    return () => {
      cancelled = true;
    };
  }, [target, active, loads, receive]);

  useEffect(() => {
    if (!active || taxonomy) return;
    let cancelled = false;
    void call(api.GET('/api/program')).then((result) => {
      if (!cancelled && result.ok) setTaxonomy(result.data.taxonomy);
    });
    return () => {
      cancelled = true;
    };
  }, [active, taxonomy]);

  // While the pipeline works on its own, ask again every 1.5 s (and now and then in review).
  const currentState = view?.current?.state;
  useEffect(() => {
    if (!active || !currentState) return;
    const delay = AUTOMATIC_STATES.includes(currentState)
      ? POLL_MS
      : currentState === 'in-review'
        ? REVIEW_POLL_MS
        : null;
    if (delay === null) return;
    const timer = setTimeout(() => setLoads((n) => n + 1), delay);
    return () => clearTimeout(timer);
  }, [active, currentState, view]);

  if (!view) {
    return loadProblem ? (
      <ProblemBar problem={loadProblem} />
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }

  const checked = (section: PublishSection) =>
    view.selectable.includes(section) || view.required.includes(section)
      ? (ticks[section] ?? view.required.includes(section))
      : false;
  const chosen = PUBLISH_SECTIONS.filter(checked);
  const missingRequired = view.required.filter((s) => !chosen.includes(s));

  const reason = !canWrite
    ? t('publish.reasonReadOnly')
    : view.offer.archivedAt
      ? t('publish.reasonArchived')
      : view.current
        ? t('publish.reasonInProgress')
        : view.blocking.length > 0
          ? t('publish.reasonBlocking', { count: view.blocking.length })
          : !view.hasChanges
            ? t('publish.reasonNoChanges')
            : missingRequired.length > 0 || chosen.length === 0
              ? t('publish.reasonSections', {
                  sections: (missingRequired.length > 0 ? missingRequired : view.required)
                    .map((s) => labels.part[s])
                    .join(', '),
                })
              : null;

  const publish = async () => {
    setBusy(true);
    setProblem(null);
    const key = idempotencyKey.current ?? newIdempotencyKey();
    idempotencyKey.current = key;
    const result = await call(
      api.POST('/api/organisations/{organisationId}/offers/{offerId}/submissions', {
        params: {
          path: target,
          header: { 'idempotency-key': key, ...(etag ? { 'if-match': etag } : {}) },
        },
        body: { sections: chosen },
      }),
    );
    setBusy(false);
    if (result.ok) {
      idempotencyKey.current = null;
      setTicks({});
      receive(result.data);
      notify(t('publish.started'));
      return;
    }
    // Only a request that never got an answer may be sent again under the same key.
    if (result.problem.status !== 0) idempotencyKey.current = null;
    setProblem(result.problem);
    // 409 (already publishing, nothing changed) and 400/422 (invalid data): show the server's view.
    if ([400, 409, 422].includes(result.problem.status)) setLoads((n) => n + 1);
  };

  const act = async (action: 'cancel' | 'go-live', submissionId: string) => {
    const path = { ...target, submissionId };
    const result = await call(
      action === 'cancel'
        ? api.POST(
            '/api/organisations/{organisationId}/offers/{offerId}/submissions/{submissionId}/cancel',
            { params: { path } },
          )
        : api.POST(
            '/api/organisations/{organisationId}/offers/{offerId}/submissions/{submissionId}/go-live',
            { params: { path } },
          ),
    );
    if (!result.ok) {
      setLoads((n) => n + 1);
      return result.problem;
    }
    receive(result.data);
    notify(action === 'cancel' ? t('publish.cancelledToast') : t('publish.goLiveToast'));
    return null;
  };

  const goLive = async (submissionId: string) => {
    setBusy(true);
    setProblem(null);
    const failure = await act('go-live', submissionId);
    setBusy(false);
    if (failure) setProblem(failure);
  };

  const latest = view.current ?? view.submissions[0] ?? null;
  const stale = problem?.status === 412;
  // The server's field messages of a refused publish are the blocking items, listed below already.
  // A stale publish lists the parts of the draft changed since (fields, listing, documents…).
  const shownFields =
    problem &&
    (stale || problem.status === 422 || (problem.status === 400 && view.blocking.length > 0))
      ? Object.keys(problem.fields)
      : [];

  return (
    <>
      {problem ? (
        <div className={styles.bar}>
          <ProblemBar
            problem={
              stale
                ? { ...problem, title: t('publish.staleTitle'), detail: t('publish.staleBody') }
                : problem
            }
            intent={stale ? 'warning' : 'error'}
            shownFields={shownFields}
            actions={
              stale ? (
                <Button
                  data-testid="publish-reload"
                  onClick={() => {
                    setProblem(null);
                    setLoads((n) => n + 1);
                  }}
                >
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
          />
        </div>
      ) : null}
      {latest ? (
        <Section
          title={view.current ? t('publish.progressTitle') : t('publish.latestTitle')}
          testId="publish-progress"
          actions={
            <Button
              appearance="subtle"
              icon={<ArrowClockwiseRegular />}
              onClick={() => setLoads((n) => n + 1)}
            >
              {t('publish.refresh')}
            </Button>
          }
        >
          <SubmissionProgress
            submission={latest}
            canWrite={canWrite}
            busy={busy}
            onCancel={() => setConfirmCancel(true)}
            onGoLive={() => void goLive(latest.id)}
            onGo={onGo}
          />
        </Section>
      ) : null}
      <Section title={t('publish.title')} description={t('publish.description')}>
        <ul className={styles.sections} aria-label={t('publish.sectionsLabel')}>
          {view.sections.map((section) => (
            <li
              key={section.id}
              className={styles.sectionRow}
              data-testid={`publish-section-${section.id}`}
              data-state={section.state}
            >
              <span className={styles.sectionName}>
                <Text weight="semibold">{labels.section[section.id]}</Text>
                <SectionStateBadge state={section.state} />
              </span>
              <Link
                as="button"
                onClick={() => onGo(SECTION_TARGETS[section.id])}
                aria-label={t('publish.openSection', { section: labels.section[section.id] })}
              >
                {t('publish.open')}
              </Link>
            </li>
          ))}
        </ul>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>
            <Subtitle2 as="h3" className={styles.heading}>
              {t('publish.chooseTitle')}
            </Subtitle2>
          </legend>
          {PUBLISH_SECTIONS.map((section) => {
            const selectable = view.selectable.includes(section);
            const required = view.required.includes(section);
            return (
              <div key={section}>
                <Checkbox
                  data-testid={`publish-checkbox-${section}`}
                  label={labels.part[section]}
                  checked={checked(section)}
                  disabled={!selectable || !canWrite || view.current !== null}
                  onChange={(_event, data) =>
                    setTicks((current) => ({ ...current, [section]: data.checked === true }))
                  }
                />
                <Caption1 block className={styles.choiceHint}>
                  {!selectable
                    ? t('publish.notSelectable')
                    : required
                      ? t('publish.requiredSection')
                      : t('publish.optionalSection')}
                </Caption1>
              </div>
            );
          })}
        </fieldset>
        {view.blocking.length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="publish-blocking">
            <MessageBarBody>
              <MessageBarTitle>
                {t('publish.blockingTitle', { count: view.blocking.length })}
              </MessageBarTitle>
              <ProblemList problems={view.blocking} onGo={onGo} />
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {view.cosellMissing.length > 0 ? (
          // The co-sell tab is optional for publishing: this informs, it never blocks.
          <MessageBar intent="info" layout="multiline" data-testid="publish-cosell-missing">
            <MessageBarBody>
              <MessageBarTitle>
                {t('publish.cosellMissingTitle', { count: view.cosellMissing.length })}
              </MessageBarTitle>
              <ProblemList problems={view.cosellMissing} onGo={onGo} />
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </Section>
      <Section
        title={t('publish.compareTitle')}
        description={`${t('publish.compareDraft', { version: view.draftVersion })} ${
          view.liveVersion
            ? t('publish.compareLive', {
                number: view.liveVersion.number,
                date: formatDateTime(view.liveVersion.createdAt),
              })
            : t('publish.compareFirst')
        }`}
        testId="publish-compare"
      >
        <CompareTable changes={view.changes} taxonomy={taxonomy} />
      </Section>
      <div className={styles.footer}>
        <Button
          id="publish-button"
          data-testid="publish-button"
          appearance="primary"
          icon={<SendRegular />}
          disabledFocusable={busy || reason !== null}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void publish()}
        >
          {t('publish.publish')}
        </Button>
        {reason ? (
          <Body1 id={reasonId} className={styles.reason}>
            {reason}
          </Body1>
        ) : (
          <Body1 className={styles.reason}>{t('publish.publishNote')}</Body1>
        )}
      </div>
      <Section title={t('publish.historyTitle')} testId="publish-history">
        <SubmissionHistory submissions={view.submissions} onGo={onGo} />
      </Section>
      <ConfirmDialog
        open={confirmCancel}
        title={t('publish.cancelTitle')}
        confirmLabel={t('publish.cancelPublish')}
        onClose={() => setConfirmCancel(false)}
        onConfirm={async () => (view.current ? act('cancel', view.current.id) : null)}
      >
        {view.offer.liveVersionId ? t('publish.cancelBodyLive') : t('publish.cancelBody')}
      </ConfirmDialog>
    </>
  );
}
