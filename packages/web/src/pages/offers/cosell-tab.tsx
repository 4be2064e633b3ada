import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { GlobeRegular, SaveRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  call,
  type ClientProblem,
  type CosellTab,
  type Offer,
  type Taxonomy,
} from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';
import { ChecklistPanel } from './checklist-panel';
import { ContactsSection } from './contacts-section';
import {
  adoptTab,
  bodyOf,
  editDraft,
  isDirty,
  isLandingPageUrl,
  placeDraftErrors,
  savedState,
  type DraftAction,
  type DraftState,
} from './cosell-draft';
import { DocumentsSection } from './documents-section';
import { ListingSection } from './listing-section';
import { SectionStateBadge } from './offer-badges';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 320px',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { minWidth: 0, display: 'flex', flexDirection: 'column' },
  aside: {
    position: 'sticky',
    top: '64px',
    maxHeight: 'calc(100vh - 80px)',
    overflowY: 'auto',
    '@media (max-width: 1100px)': {
      position: 'static',
      maxHeight: 'none',
      gridRow: '1',
      marginBottom: tokens.spacingVerticalXL,
    },
  },
  bar: { marginBottom: tokens.spacingVerticalL },
  footer: {
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    marginBottom: tokens.spacingVerticalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
  },
  unsaved: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  saved: { color: tokens.colorNeutralForeground3 },
  scope: {
    color: tokens.colorNeutralForeground3,
    flexBasis: '100%',
    '@media (max-width: 767px)': { display: 'none' },
  },
  landing: { maxWidth: '640px' },
});

interface Target {
  organisationId: string;
  offerId: string;
}

/**
 * "Co-sell with Microsoft": listing, product landing page, documents and contacts, with the
 * checklist of what is still missing. Listing and landing page are saved together ("Save
 * draft", If-Match on the version they were loaded at); documents and contacts save at once.
 */
export function CosellTabView({
  target,
  reloadSignal,
  canWrite,
  onOffer,
  onDirtyChange,
  onGo,
}: {
  target: Target;
  /** Changes when the offer was saved or reloaded elsewhere on the page: fetch the tab again. */
  reloadSignal: number;
  canWrite: boolean;
  onOffer: (offer: Offer) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** Follows a checklist link: focus the field with this id (maybe on another tab). */
  onGo: (field: string) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const [tab, setTab] = useState<CosellTab | null>(null);
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [draftState, setDraftState] = useState<DraftState | null>(null);
  const [loadProblem, setLoadProblem] = useState<ClientProblem | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [areaIndex, setAreaIndex] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmReload, setConfirmReload] = useState(false);

  const receive = useCallback(
    (next: CosellTab, replace = false) => {
      setTab(next);
      setDraftState((state) => (replace ? savedState(next) : adoptTab(state, next)));
      onOffer(next.offer);
    },
    [onOffer],
  );

  /** Bumped to fetch the tab again; `replace` drops local edits (Reload after a 412). */
  const [loads, setLoads] = useState({ count: 0, replace: false });
  const refresh = useCallback(
    (replace = false) => setLoads((current) => ({ count: current.count + 1, replace })),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/offers/{offerId}/cosell', {
        params: { path: target },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setLoadProblem(result.problem);
        return;
      }
      setLoadProblem(null);
      receive(result.data, loads.replace);
      if (loads.replace) notify(t('cosell.reloaded'), 'info');
    });
    return () => {
      cancelled = true;
    };
    // `reloadSignal`: the offer changed on the "Offer setup" tab (markets and type change the
    // checklist).
  }, [target, receive, loads, reloadSignal, notify, t]);

  useEffect(() => {
    let cancelled = false;
    void call(api.GET('/api/program')).then((result) => {
      if (cancelled) return;
      if (result.ok) setTaxonomy(result.data.taxonomy);
      else setLoadProblem(result.problem);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const dirty = draftState !== null && isDirty(draftState);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const edit = (action: DraftAction) =>
    setDraftState((state) => (state ? { ...state, draft: editDraft(state.draft, action) } : state));

  const save = async () => {
    if (!draftState) return;
    const { body, areaIndex: index } = bodyOf(draftState.draft);
    setBusy(true);
    setProblem(null);
    setAreaIndex(index);
    const result = await call(
      api.PUT('/api/organisations/{organisationId}/offers/{offerId}/cosell', {
        params: { path: target, header: { 'if-match': `"v${draftState.version}"` } },
        body,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    receive(result.data, true);
    notify(t('cosell.saved'));
  };

  const reload = () => {
    setConfirmReload(false);
    setProblem(null);
    refresh(true);
  };

  const requiredKinds = useMemo(
    () =>
      new Set(
        (tab?.checklist ?? [])
          .filter((item) => item.section === 'documents')
          .map((item) => item.field.replace(/^document-/, '')),
      ),
    [tab],
  );

  if (!tab || !taxonomy || !draftState) {
    return loadProblem ? (
      <ProblemBar problem={loadProblem} />
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }

  const stale = problem?.status === 412;
  const placed =
    problem && !stale ? placeDraftErrors(problem.fields, draftState.draft, areaIndex) : null;
  const landing = draftState.draft.landingPageUrl;
  const landingHint = !isLandingPageUrl(landing) ? t('landingPage.invalidHint') : undefined;

  return (
    <div className={styles.layout}>
      <div className={styles.main}>
        {stale ? (
          <div className={styles.bar}>
            <ProblemBar
              problem={{ ...problem, title: t('cosell.staleTitle'), detail: t('cosell.staleBody') }}
              intent="warning"
              shownFields={Object.keys(problem.fields)}
              actions={
                <Button
                  data-testid="cosell-reload"
                  onClick={() => (dirty ? setConfirmReload(true) : reload())}
                >
                  {t('common.reload')}
                </Button>
              }
            />
          </div>
        ) : problem ? (
          <div className={styles.bar}>
            <ProblemBar problem={problem} shownFields={placed?.shownFields ?? []} />
          </div>
        ) : null}
        {canWrite ? null : (
          <MessageBar intent="info" className={styles.bar}>
            <MessageBarBody>{t('cosell.readOnly')}</MessageBarBody>
          </MessageBar>
        )}
        <ListingSection
          draft={draftState.draft}
          onEdit={edit}
          taxonomy={taxonomy}
          policy={tab.policy}
          state={tab.sections.listing}
          errors={placed?.placed ?? {}}
          readOnly={!canWrite}
        />
        <Section
          title={t('landingPage.title')}
          description={t('landingPage.description')}
          actions={<SectionStateBadge state={tab.sections.landingPage} />}
          testId="landing-page-section"
        >
          <Field
            className={styles.landing}
            label={t('landingPage.label')}
            hint={t('landingPage.hint')}
            validationState={
              placed?.placed.landingPageUrl ? 'error' : landingHint ? 'warning' : 'none'
            }
            validationMessage={placed?.placed.landingPageUrl ?? landingHint}
          >
            <Input
              id="landing-page-url"
              type="url"
              inputMode="url"
              contentBefore={<GlobeRegular aria-hidden />}
              placeholder="https://"
              value={landing}
              readOnly={!canWrite}
              onChange={(_event, data) => edit({ type: 'landingPage', value: data.value })}
            />
          </Field>
        </Section>
        {canWrite ? (
          <div className={styles.footer} role="region" aria-label={t('cosell.saveBar')}>
            <Button
              appearance="primary"
              icon={<SaveRegular />}
              disabled={busy || !dirty}
              onClick={() => void save()}
            >
              {busy ? t('cosell.saving') : t('cosell.saveDraft')}
            </Button>
            <Button
              disabled={busy || !dirty}
              onClick={() => {
                setDraftState(savedState(tab));
                setProblem(null);
              }}
            >
              {t('cosell.discard')}
            </Button>
            {dirty ? (
              <Text className={styles.unsaved} role="status">
                {t('cosell.unsaved')}
              </Text>
            ) : (
              <Text className={styles.saved} role="status">
                {t('cosell.allSaved')}
              </Text>
            )}
            <Text size={200} className={styles.scope}>
              {t('cosell.saveScope')}
            </Text>
          </div>
        ) : null}
        <DocumentsSection
          target={target}
          documents={tab.documents}
          requiredKinds={requiredKinds}
          limits={tab.uploadLimits}
          state={tab.sections.documents}
          canWrite={canWrite}
          onTab={(next) => receive(next)}
        />
        <ContactsSection
          target={target}
          state={tab.sections.contacts}
          coverage={tab.checklist.find((item) => item.section === 'contacts')}
          undoableImportId={tab.undoableImportId}
          canWrite={canWrite}
          onChanged={refresh}
        />
      </div>
      <div className={styles.aside}>
        <ChecklistPanel
          checklist={tab.checklist}
          readyToSubmit={tab.readyToSubmit}
          stale={dirty}
          onGo={onGo}
        />
      </div>
      {confirmReload ? (
        <Dialog
          open
          modalType="alert"
          onOpenChange={(_event, data) => (data.open ? undefined : setConfirmReload(false))}
        >
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('cosell.reloadTitle')}</DialogTitle>
              <DialogContent>{t('cosell.reloadBody')}</DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={reload}>
                  {t('cosell.reloadConfirm')}
                </Button>
                <Button onClick={() => setConfirmReload(false)}>{t('common.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </div>
  );
}
