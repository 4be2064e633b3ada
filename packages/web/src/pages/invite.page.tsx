import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, type ClientProblem } from '../api/client';
import { useFormStyles } from '../components/form-styles';
import { formatDateTime } from '../components/format';
import { ProblemBar } from '../components/problem-bar';
import { PublicForm, PublicLayout } from '../components/public-layout';
import { RoleBadges, useKindLabel } from '../components/roles';
import { useDocumentTitle } from '../components/use-document-title';
import { currentLocale } from '../i18n/i18n';
import { useSession } from '../session/session-context';
import { ConfirmPasswordField } from '../components/confirm-password-field';

interface Preview {
  organisationName: string;
  organisationKind: 'vendor' | 'partner' | 'reseller';
  email: string;
  roles: string[];
  expiresAt: string;
  accountExists: boolean;
}

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Accept an invitation: confirm with your password, or create your account. */
export default function InvitePage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const kindLabel = useKindLabel();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { session, adoptSession } = useSession();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loadProblem, setLoadProblem] = useState<ClientProblem | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  useDocumentTitle(t('invitePage.title'));

  useEffect(() => {
    let cancelled = false;
    void call(api.GET('/api/invitations/{token}', { params: { path: { token } } })).then(
      (result) => {
        if (cancelled) return;
        if (result.ok) setPreview(result.data);
        else setLoadProblem(result.problem);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!preview) return;
    if (!preview.accountExists && password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/invitations/{token}/accept', {
        params: { path: { token } },
        body: preview.accountExists
          ? { password, locale: currentLocale() }
          : { name: name.trim(), password, locale: currentLocale() },
      }),
    );
    if (result.ok) {
      await adoptSession(result.data);
      await navigate('/', { replace: true });
      return;
    }
    setBusy(false);
    setProblem(result.problem);
  };

  if (loadProblem) {
    return (
      <PublicLayout>
        <div className={formStyles.form}>
          <Title2 as="h1" className={formStyles.heading}>
            {t('invitePage.title')}
          </Title2>
          <ProblemBar problem={loadProblem} />
          <Body1 className={styles.muted}>{t('invitePage.invalidHelp')}</Body1>
          <div className={formStyles.actions}>
            <Button appearance="primary" onClick={() => void navigate('/sign-in')}>
              {t('invitePage.goToSignIn')}
            </Button>
          </div>
        </div>
      </PublicLayout>
    );
  }

  if (!preview) {
    return (
      <PublicLayout>
        <Spinner label={t('common.loading')} />
      </PublicLayout>
    );
  }

  return (
    <PublicForm
      title={t('invitePage.join', { organisation: preview.organisationName })}
      submitLabel={
        preview.accountExists ? t('invitePage.acceptExisting') : t('invitePage.acceptNew')
      }
      busy={busy}
      onSubmit={submit}
    >
      <div className={styles.summary}>
        <Body1>
          <Trans
            i18nKey="invitePage.summary"
            values={{
              organisation: preview.organisationName,
              kind: kindLabel(preview.organisationKind),
            }}
            components={{ strong: <strong /> }}
          />
        </Body1>
        <RoleBadges roles={preview.roles} />
        <Text size={200} className={styles.muted}>
          {t('invitePage.expires', { date: formatDateTime(preview.expiresAt) })}
        </Text>
      </div>
      {session && session.user.email !== preview.email ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('invitePage.otherUser', { current: session.user.email, invited: preview.email })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Body1>
        {preview.accountExists ? t('invitePage.existingLead') : t('invitePage.newLead')}
      </Body1>
      <ProblemBar problem={problem} shownFields={['name', 'password']} />
      <Field label={t('field.email')}>
        <Input type="email" name="email" autoComplete="username" value={preview.email} readOnly />
      </Field>
      {preview.accountExists ? null : (
        <Field label={t('field.yourName')} validationMessage={problem?.fields.name}>
          <Input
            required
            name="name"
            autoComplete="name"
            value={name}
            onChange={(_event, data) => setName(data.value)}
          />
        </Field>
      )}
      <Field
        label={t('field.password')}
        hint={
          preview.accountExists || problem?.fields.password ? undefined : t('field.passwordHint')
        }
        validationMessage={problem?.fields.password}
      >
        <Input
          required
          type="password"
          name="password"
          autoComplete={preview.accountExists ? 'current-password' : 'new-password'}
          value={password}
          onChange={(_event, data) => setPassword(data.value)}
        />
      </Field>
      {preview.accountExists ? null : (
        <ConfirmPasswordField value={confirm} onChange={setConfirm} mismatch={mismatch} />
      )}
    </PublicForm>
  );
}
