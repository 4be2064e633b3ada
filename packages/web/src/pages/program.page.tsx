import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, etagOf, type ClientProblem, type Program } from '../api/client';
import { PageHeader } from '../components/page-header';
import { ProblemBar } from '../components/problem-bar';
import { Section } from '../components/section';
import { useNotify } from '../components/toast';
import { useDocumentTitle } from '../components/use-document-title';
import { hasPermission } from '../domain/tenant';
import { useSignedIn } from '../session/session-context';
import { useSearchParams } from 'react-router';
import { ClockSection } from './program/clock-section';
import { ContactSection } from './program/contact-section';
import { OrganisationsSection } from './program/organisations-section';
import { policyName, usePolicyLabels } from './program/policy-labels';
import { PolicySection } from './program/policy-section';
import { ProfilesSection } from './program/profiles-section';
import { fromDraft, toDraft, type Draft } from './program/taxonomy-draft';
import { TaxonomyEditor } from './program/taxonomy-editor';

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalXL },
  tabs: { marginBottom: tokens.spacingVerticalL, flexWrap: 'wrap' },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // While there are unsaved changes the Save bar stays in view, however long the taxonomy.
  sticky: { position: 'sticky', bottom: 0, zIndex: 1 },
  unsaved: { color: tokens.colorNeutralForeground2 },
});

/** The parts of the Program page, each on its own tab (`?section=<id>`). */
export type ProgramSection =
  'policy' | 'profiles' | 'taxonomy' | 'organisations' | 'contact' | 'clock';

/**
 * Program data for the vendor, one part per tab: the program policy, partner profiles
 * (reviewers and program admins), the taxonomy, partner and reseller organisations (program
 * admins), the program contact address, and the clock when the server lets program admins
 * move it. `?section=<id>` opens a tab; `&create=partner` also opens "Create organisation".
 */
export default function ProgramPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const { active } = useSignedIn();
  const canManage = hasPermission(active?.roles ?? [], 'program.manage');
  const canReadProfiles = hasPermission(active?.roles ?? [], 'review.decide');
  const policyLabels = usePolicyLabels();
  const [program, setProgram] = useState<Program | null>(null);
  const [etag, setEtag] = useState<string | undefined>();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [loadProblem, setLoadProblem] = useState<ClientProblem | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('program.title'));
  const [params, setParams] = useSearchParams();
  const [clockControllable, setClockControllable] = useState(false);
  /** Each "Create organisation" (here, or `&create=partner` in a link) opens the dialog anew. */
  const [createRequests, setCreateRequests] = useState(() => (params.get('create') ? 1 : 0));

  useEffect(() => {
    if (!canManage) return;
    let cancelled = false;
    void call(api.GET('/api/system/clock')).then((result) => {
      if (!cancelled && result.ok) setClockControllable(result.data.controllable);
    });
    return () => {
      cancelled = true;
    };
  }, [canManage]);

  const sections: { id: ProgramSection; label: string }[] = [
    { id: 'policy', label: t('program.tabs.policy') },
    ...(canReadProfiles ? [{ id: 'profiles' as const, label: t('program.tabs.profiles') }] : []),
    { id: 'taxonomy', label: t('program.tabs.taxonomy') },
    ...(canManage
      ? [{ id: 'organisations' as const, label: t('program.tabs.organisations') }]
      : []),
    { id: 'contact', label: t('program.tabs.contact') },
    ...(canManage && clockControllable
      ? [{ id: 'clock' as const, label: t('program.tabs.clock') }]
      : []),
  ];
  const requested = params.get('section');
  const section: ProgramSection =
    sections.find((entry) => entry.id === requested)?.id ??
    // The clock tab appears once the server said it can be moved.
    (requested === 'clock' && canManage ? 'clock' : 'policy');
  const selectSection = (next: ProgramSection) => {
    setParams(new URLSearchParams({ section: next }), { replace: true });
  };

  /** Bumped by "Reload" (after a 412) to fetch the program again. */
  const [loads, setLoads] = useState(0);
  const reload = () => setLoads((n) => n + 1);

  useEffect(() => {
    let cancelled = false;
    void call(api.GET('/api/program')).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setLoadProblem(result.problem);
        return;
      }
      setLoadProblem(null);
      setProblem(null);
      setProgram(result.data);
      setEtag(etagOf(result.response));
      setDraft(toDraft(result.data.taxonomy));
    });
    return () => {
      cancelled = true;
    };
  }, [loads]);

  const dirty = useMemo(
    () =>
      program !== null &&
      draft !== null &&
      JSON.stringify(fromDraft(draft)) !== JSON.stringify(program.taxonomy),
    [program, draft],
  );

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.PUT('/api/program/taxonomy', {
        params: { header: etag ? { 'if-match': etag } : {} },
        body: fromDraft(draft),
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProgram(result.data);
    setEtag(etagOf(result.response));
    setDraft(toDraft(result.data.taxonomy));
    notify(t('taxonomy.saved'));
  };

  const stale = problem?.status === 412;

  return (
    <>
      <PageHeader
        title={t('program.title')}
        description={t('program.description')}
        actions={
          <>
            {program ? (
              <Badge appearance="tint" size="large">
                {t('program.activePolicy', {
                  policy: policyName(policyLabels, program.activePolicy),
                })}
              </Badge>
            ) : null}
            {canManage && section !== 'organisations' ? (
              <Button
                icon={<AddRegular />}
                onClick={() => {
                  setCreateRequests((n) => n + 1);
                  selectSection('organisations');
                }}
                data-testid="program-create-organisation"
              >
                {t('organisations.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <TabList
        className={styles.tabs}
        selectedValue={section}
        onTabSelect={(_event, data) => selectSection(data.value as ProgramSection)}
        aria-label={t('program.tabsLabel')}
      >
        {sections.map((entry) => (
          <Tab key={entry.id} value={entry.id} data-testid={`program-tab-${entry.id}`}>
            {entry.label}
          </Tab>
        ))}
      </TabList>
      <ProblemBar problem={loadProblem} />
      {program && section === 'policy' ? (
        <PolicySection
          program={program}
          etag={etag}
          canManage={canManage}
          onReload={reload}
          onActivated={(next, nextEtag) => {
            setProgram(next);
            setEtag(nextEtag);
          }}
        />
      ) : null}
      {canReadProfiles && section === 'profiles' ? <ProfilesSection canManage={canManage} /> : null}
      {section === 'taxonomy' && program?.taxonomyIsSample ? (
        <MessageBar
          intent="warning"
          layout="multiline"
          className={styles.bar}
          data-testid="sample-data-warning"
        >
          <MessageBarBody>
            <MessageBarTitle>{t('program.sampleLead')}</MessageBarTitle>
            {/* The server's note is English; the same words in the reader's language. */}
            {t('program.sampleNote')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {section !== 'taxonomy' ? null : program && draft ? (
        <Section
          title={t('taxonomy.title')}
          description={canManage ? t('taxonomy.description') : t('taxonomy.readOnly')}
          testId="taxonomy-section"
        >
          <ProblemBar
            problem={problem}
            intent={stale ? 'warning' : 'error'}
            shownFields={Object.keys(problem?.fields ?? {})}
            actions={
              stale ? (
                <Button onClick={reload} data-testid="taxonomy-reload">
                  {t('taxonomy.reload')}
                </Button>
              ) : undefined
            }
          />
          <TaxonomyEditor
            draft={draft}
            readOnly={!canManage}
            errors={problem?.fields ?? {}}
            onChange={(next, structural) => {
              setDraft(next);
              // Field messages are addressed by position; after adding/removing they would point
              // at the wrong rows.
              if (structural && problem && !stale) setProblem({ ...problem, fields: {} });
            }}
          />
          {canManage ? (
            <div className={dirty ? `${styles.footer} ${styles.sticky}` : styles.footer}>
              {/* The sample taxonomy can be kept as it is: saving makes it the program's own. */}
              <Button
                appearance="primary"
                disabled={busy || (!dirty && !program.taxonomyIsSample)}
                onClick={() => void save()}
                data-testid="taxonomy-save"
              >
                {t('common.save')}
              </Button>
              <Button
                disabled={busy || !dirty}
                onClick={() => {
                  setDraft(toDraft(program.taxonomy));
                  setProblem(null);
                }}
              >
                {t('taxonomy.discard')}
              </Button>
              {dirty ? <span className={styles.unsaved}>{t('taxonomy.unsaved')}</span> : null}
            </div>
          ) : null}
        </Section>
      ) : loadProblem ? null : (
        <Spinner />
      )}
      {canManage && section === 'organisations' ? (
        <OrganisationsSection key={createRequests} startCreating={createRequests > 0} />
      ) : null}
      {program && section === 'contact' ? (
        <ContactSection
          program={program}
          etag={etag}
          canManage={canManage}
          onSaved={(next, nextEtag) => {
            setProgram(next);
            setEtag(nextEtag);
          }}
        />
      ) : null}
      {canManage && section === 'clock' ? <ClockSection /> : null}
    </>
  );
}
