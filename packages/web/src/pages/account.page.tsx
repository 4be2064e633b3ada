import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem } from '../api/client';
import { PageHeader } from '../components/page-header';
import { ProblemBar } from '../components/problem-bar';
import { Section } from '../components/section';
import { useNotify } from '../components/toast';
import { useDocumentTitle } from '../components/use-document-title';
import { LOCALE_NATIVE_NAMES, LOCALES, isLocale } from '../domain/tenant';
import { currentLocale } from '../i18n/i18n';
import { useSignedIn } from '../session/session-context';
import { ConfirmPasswordField } from '../components/confirm-password-field';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '480px',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Your own account: name, language and password. */
export default function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <ProfileSection />
      <LanguageSection />
      <PasswordSection />
    </>
  );
}

function ProfileSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const { session, updateUser } = useSignedIn();
  const [name, setName] = useState(session.user.name);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await call(api.PATCH('/api/me', { body: { name: name.trim() } }));
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    updateUser(result.data);
    setName(result.data.name);
    notify(t('account.profileSaved'));
  };

  return (
    <Section title={t('account.profile')}>
      <form className={styles.form} onSubmit={submit} noValidate>
        <ProblemBar problem={problem} shownFields={['name']} />
        <Field label={t('field.name')} validationMessage={problem?.fields.name}>
          <Input
            required
            autoComplete="name"
            value={name}
            onChange={(_event, data) => setName(data.value)}
          />
        </Field>
        <Field label={t('field.email')} hint={t('account.emailHint')}>
          <Input type="email" value={session.user.email} readOnly />
        </Field>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            type="submit"
            disabled={busy || name.trim() === '' || name.trim() === session.user.name}
          >
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function LanguageSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const { changeLocale } = useSignedIn();
  const locale = currentLocale();
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  return (
    <Section title={t('account.language')} description={t('account.languageDescription')}>
      <div className={styles.form}>
        <ProblemBar problem={problem} />
        <Field label={t('language.label')}>
          <Dropdown
            value={LOCALE_NATIVE_NAMES[locale]}
            selectedOptions={[locale]}
            onOptionSelect={async (_event, data) => {
              if (!isLocale(data.optionValue) || data.optionValue === locale) return;
              const result = await changeLocale(data.optionValue);
              if (result.ok) {
                setProblem(null);
                notify(t('account.languageSaved'));
              } else {
                setProblem(result.problem);
              }
            }}
          >
            {LOCALES.map((value) => (
              <Option key={value} value={value} lang={value}>
                {LOCALE_NATIVE_NAMES[value]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setProblem(null);
    setDone(false);
    const result = await call(
      api.POST('/api/me/password', { body: { currentPassword, newPassword } }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setCurrentPassword('');
    setNewPassword('');
    setConfirm('');
    setDone(true);
  };

  return (
    <Section title={t('account.password')} description={t('account.passwordDescription')}>
      <form className={styles.form} onSubmit={submit} noValidate>
        {done ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('account.passwordChanged')}</MessageBarBody>
          </MessageBar>
        ) : null}
        <ProblemBar problem={problem} shownFields={['currentPassword', 'newPassword']} />
        <Field
          label={t('account.currentPassword')}
          validationMessage={problem?.fields.currentPassword}
        >
          <Input
            required
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(_event, data) => setCurrentPassword(data.value)}
          />
        </Field>
        <Field
          label={t('account.newPassword')}
          hint={problem?.fields.newPassword ? undefined : t('field.passwordHint')}
          validationMessage={problem?.fields.newPassword}
        >
          <Input
            required
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(_event, data) => setNewPassword(data.value)}
          />
        </Field>
        <ConfirmPasswordField value={confirm} onChange={setConfirm} mismatch={mismatch} />
        <div className={styles.actions}>
          <Button
            appearance="primary"
            type="submit"
            disabled={busy || currentPassword === '' || newPassword === ''}
          >
            {t('account.changePassword')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
