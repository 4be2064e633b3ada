import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
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
import { SectionAnchor, useSectionParam } from './settings/section-anchor';
import { ClockSection } from './program/clock-section';
import { OrganisationsSection } from './program/organisations-section';
import { policyName, usePolicyLabels } from './program/policy-labels';
import { PolicySection } from './program/policy-section';
import { ProfilesSection } from './program/profiles-section';
import { fromDraft, toDraft, type Draft } from './program/taxonomy-draft';
import { TaxonomyEditor } from './program/taxonomy-editor';

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalXL },
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

/**
 * Program data for the vendor: the taxonomy, the program policy, partner profiles (reviewers
 * and program admins), partner and reseller organisations (program admins), and the clock when
 * the server lets program admins move it. `?section=<id>` scrolls to one of them.
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
  useSectionParam();

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
          program ? (
            <Badge appearance="tint" size="large">
              {t('program.activePolicy', {
                policy: policyName(policyLabels, program.activePolicy),
              })}
            </Badge>
          ) : undefined
        }
      />
      <ProblemBar problem={loadProblem} />
      {program ? (
        <SectionAnchor id="policy">
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
        </SectionAnchor>
      ) : null}
      {canReadProfiles ? (
        <SectionAnchor id="profiles">
          <ProfilesSection canManage={canManage} />
        </SectionAnchor>
      ) : null}
      {program?.taxonomyIsSample ? (
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
      {program && draft ? (
        <SectionAnchor id="taxonomy">
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
                <Button appearance="primary" disabled={busy || !dirty} onClick={() => void save()}>
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
        </SectionAnchor>
      ) : loadProblem ? null : (
        <Spinner />
      )}
      {canManage ? (
        <SectionAnchor id="organisations">
          <OrganisationsSection />
        </SectionAnchor>
      ) : null}
      {canManage ? (
        <SectionAnchor id="clock">
          <ClockSection />
        </SectionAnchor>
      ) : null}
    </>
  );
}
