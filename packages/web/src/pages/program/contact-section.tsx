import { Button, Field, Input, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, etagOf, type ClientProblem, type Program } from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  email: { minWidth: '280px', flexGrow: 1, maxWidth: '420px' },
});

/**
 * The address partners write to about requirements only the program sets (competencies,
 * designations, verified revenue). Program admins change it; everyone else reads it.
 */
export function ContactSection({
  program,
  etag,
  canManage,
  onSaved,
}: {
  program: Program;
  etag: string | undefined;
  canManage: boolean;
  onSaved: (program: Program, etag: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const [email, setEmail] = useState(program.contactEmail ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const changed = email.trim() !== (program.contactEmail ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const value = email.trim();
    const result = await call(
      api.PUT('/api/program/contact', {
        params: { header: { 'if-match': etag ?? '*' } },
        body: { contactEmail: value === '' ? null : value },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setEmail(result.data.contactEmail ?? '');
    onSaved(result.data, etagOf(result.response));
    notify(t('programContact.saved'));
  };

  return (
    <Section
      title={t('programContact.title')}
      description={t('programContact.description')}
      testId="program-contact-section"
    >
      {canManage ? (
        <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
          <ProblemBar problem={problem} shownFields={['contactEmail']} />
          <Field
            className={styles.email}
            label={t('programContact.email')}
            hint={t('programContact.hint')}
            validationMessage={problem?.fields.contactEmail}
          >
            <Input
              type="email"
              value={email}
              autoComplete="email"
              onChange={(_event, data) => {
                setEmail(data.value);
                if (problem) setProblem(null);
              }}
              data-testid="program-contact-email"
            />
          </Field>
          <Button
            appearance="primary"
            type="submit"
            disabled={busy || !changed}
            data-testid="program-contact-save"
          >
            {t('common.save')}
          </Button>
        </form>
      ) : program.contactEmail ? (
        <Link href={`mailto:${program.contactEmail}`}>{program.contactEmail}</Link>
      ) : (
        <Text>{t('programContact.none')}</Text>
      )}
    </Section>
  );
}
