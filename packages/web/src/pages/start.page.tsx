import {
  Body1,
  Button,
  makeStyles,
  mergeClasses,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, etagOf, type ClientProblem, type Program } from '../api/client';
import { PageHeader } from '../components/page-header';
import { ProblemBar } from '../components/problem-bar';
import { RouterLink } from '../components/router-link';
import { useNotify } from '../components/toast';
import { useDocumentTitle } from '../components/use-document-title';
import { isPolicyId, policyName, usePolicyLabels } from './program/policy-labels';
import { firstRunSteps, type FirstRunFacts, type FirstRunStepId } from './start/first-run';

/** Partner organisations looked at for "an owner was invited" (one is enough). */
const SAMPLE = 10;

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '880px',
  },
  step: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-start',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  icon: { fontSize: '24px', flexShrink: 0, marginTop: '2px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, flexGrow: 1 },
  heading: { margin: 0 },
  body: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: '4px' },
  summary: { marginBottom: tokens.spacingVerticalL, display: 'block' },
});

/** What the checklist knows, and the program for the "keep this policy" button. */
async function loadFacts(): Promise<
  | { ok: true; facts: FirstRunFacts; program: Program; etag?: string }
  | { ok: false; problem: ClientProblem }
> {
  const [program, partners] = await Promise.all([
    call(api.GET('/api/program')),
    call(api.GET('/api/organisations', { params: { query: { kind: 'partner', limit: SAMPLE } } })),
  ]);
  if (!program.ok) return program;
  if (!partners.ok) return partners;
  const invited = await Promise.all(
    partners.data.items.map(async (organisation) => {
      const path = { organisationId: organisation.id };
      const [invitations, members] = await Promise.all([
        call(api.GET('/api/organisations/{organisationId}/invitations', { params: { path } })),
        call(api.GET('/api/organisations/{organisationId}/members', { params: { path } })),
      ]);
      return (
        (invitations.ok && invitations.data.items.length > 0) ||
        (members.ok && members.data.items.length > 0)
      );
    }),
  );
  return {
    ok: true,
    program: program.data,
    etag: etagOf(program.response),
    facts: {
      partners: partners.data.total,
      ownerInvited: invited.some(Boolean),
      taxonomySaved: !program.data.taxonomyIsSample,
      policyChosen: program.data.policyChosenAt !== null,
      contactSet: program.data.contactEmail !== null,
    },
  };
}

/**
 * The program admin's home: the first-run checklist (create a partner organisation, invite
 * its owner, review the taxonomy, choose the policy, give partners a contact address), each
 * step with a link to where it is done, then what comes next.
 */
export default function StartPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const navigate = useNavigate();
  const policyLabels = usePolicyLabels();
  useDocumentTitle(t('start.title'));
  const [state, setState] = useState<Awaited<ReturnType<typeof loadFacts>> | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [busy, setBusy] = useState(false);

  /** Bumped after "Keep the policy" to read the facts again. */
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void loadFacts().then((facts) => {
      if (!cancelled) setState(facts);
    });
    return () => {
      cancelled = true;
    };
  }, [loads]);

  if (state === null) return <Spinner label={t('common.loading')} />;
  if (!state.ok) {
    return (
      <>
        <PageHeader title={t('start.title')} />
        <ProblemBar problem={state.problem} />
      </>
    );
  }

  const { program, etag } = state;
  const steps = firstRunSteps(state.facts);
  const remaining = steps.filter((step) => !step.done).length;
  const policy = policyName(policyLabels, program.activePolicy);

  const keepPolicy = async () => {
    if (!isPolicyId(program.activePolicy)) return;
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.PUT('/api/program/policy', {
        params: { header: { 'if-match': etag ?? '*' } },
        body: { policyId: program.activePolicy },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    notify(t('start.policyKept', { policy }));
    setLoads((n) => n + 1);
  };

  const texts: Record<FirstRunStepId, { title: string; body: string; action: string }> = {
    partner: {
      title: t('start.steps.partner.title'),
      body: t('start.steps.partner.body'),
      action: t('start.steps.partner.action'),
    },
    invite: {
      title: t('start.steps.invite.title'),
      body: t('start.steps.invite.body'),
      action: t('start.steps.invite.action'),
    },
    taxonomy: {
      title: t('start.steps.taxonomy.title'),
      body: t('start.steps.taxonomy.body'),
      action: t('start.steps.taxonomy.action'),
    },
    policy: {
      title: t('start.steps.policy.title'),
      body: t('start.steps.policy.body', { policy }),
      action: t('start.steps.policy.action'),
    },
    contact: {
      title: t('start.steps.contact.title'),
      body: program.contactEmail
        ? t('start.steps.contact.bodySet', { email: program.contactEmail })
        : t('start.steps.contact.body'),
      action: t('start.steps.contact.action'),
    },
  };

  const extra = (id: FirstRunStepId) =>
    id === 'policy' ? (
      <Button
        size="small"
        disabled={busy}
        onClick={() => void keepPolicy()}
        data-testid="start-keep-policy"
      >
        {t('start.keepPolicy', { policy })}
      </Button>
    ) : null;

  return (
    <>
      <PageHeader title={t('start.title')} description={t('start.description')} />
      <Text className={styles.summary} data-testid="start-summary" role="status">
        {remaining === 0 ? t('start.allDone') : t('start.remaining', { count: remaining })}
      </Text>
      <ProblemBar problem={problem} />
      <ol className={styles.list}>
        {steps.map((step) => (
          <li
            key={step.id}
            className={styles.step}
            data-testid={`start-step-${step.id}`}
            data-done={step.done ? 'true' : 'false'}
          >
            {step.done ? (
              <CheckmarkCircleFilled
                className={mergeClasses(styles.icon, styles.done)}
                role="img"
                aria-label={t('start.done')}
              />
            ) : (
              <CircleRegular
                className={mergeClasses(styles.icon, styles.todo)}
                role="img"
                aria-label={t('start.toDo')}
              />
            )}
            <div className={styles.text}>
              <Subtitle2 as="h2" className={styles.heading}>
                {texts[step.id].title}
              </Subtitle2>
              <Body1 className={styles.body}>{texts[step.id].body}</Body1>
              {step.done && step.id !== 'policy' ? null : (
                <div className={styles.actions}>
                  <Button
                    size="small"
                    appearance={step.done ? 'secondary' : 'primary'}
                    onClick={() => void navigate(step.path)}
                    data-testid={`start-go-${step.id}`}
                  >
                    {texts[step.id].action}
                  </Button>
                  {step.done ? null : extra(step.id)}
                </div>
              )}
            </div>
          </li>
        ))}
      </ol>
      {remaining === 0 ? (
        <Body1 className={styles.summary}>
          {t('start.next')} <RouterLink to="/review-queue">{t('nav.reviewQueue')}</RouterLink>
        </Body1>
      ) : null}
    </>
  );
}
