import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, etagOf, type ClientProblem, type Organisation } from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { useKindLabel } from '../../components/roles';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';
import { useSignedIn } from '../../session/session-context';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  field: { flexGrow: 1, minWidth: '220px', maxWidth: '480px' },
});

/** The organisation's name, renamed with If-Match so two editors never overwrite each other. */
export function OrganisationSection({
  organisationId,
  canRename,
  onChanged,
}: {
  organisationId: string;
  canRename: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const kindLabel = useKindLabel();
  const notify = useNotify();
  const { refreshSession } = useSignedIn();
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [etag, setEtag] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  /** Bumped by "Reload" (after a 412) to fetch the organisation again. */
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}', { params: { path: { organisationId } } }),
    ).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setProblem(result.problem);
        return;
      }
      setOrganisation(result.data);
      setEtag(etagOf(result.response));
      setName(result.data.name);
      setProblem(null);
    });
    return () => {
      cancelled = true;
    };
  }, [organisationId, loads]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.PATCH('/api/organisations/{organisationId}', {
        params: { path: { organisationId }, header: etag ? { 'if-match': etag } : {} },
        body: { name: name.trim() },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setOrganisation(result.data);
    setEtag(etagOf(result.response));
    setName(result.data.name);
    notify(t('organisation.saved'));
    onChanged();
    await refreshSession();
  };

  const stale = problem?.status === 412;
  const dirty = organisation !== null && name.trim() !== organisation.name;

  return (
    <Section
      title={t('organisation.title')}
      description={canRename ? t('organisation.description') : t('organisation.readOnly')}
      actions={
        organisation ? (
          <Badge appearance="outline" size="large">
            {kindLabel(organisation.kind)}
          </Badge>
        ) : undefined
      }
    >
      <ProblemBar
        problem={problem}
        intent={stale ? 'warning' : 'error'}
        shownFields={['name']}
        actions={
          stale ? (
            <Button onClick={() => setLoads((n) => n + 1)} data-testid="organisation-reload">
              {t('common.reload')}
            </Button>
          ) : undefined
        }
      />
      {organisation ? (
        <form className={styles.form} onSubmit={submit} noValidate>
          <Field
            className={styles.field}
            label={t('organisation.name')}
            validationMessage={problem?.fields.name}
          >
            <Input
              value={name}
              readOnly={!canRename}
              onChange={(_event, data) => setName(data.value)}
            />
          </Field>
          {canRename ? (
            <Button appearance="primary" type="submit" disabled={busy || !dirty}>
              {t('common.save')}
            </Button>
          ) : null}
        </form>
      ) : problem ? null : (
        <Spinner size="small" />
      )}
    </Section>
  );
}
