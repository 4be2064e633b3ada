import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, type ClientProblem } from '../api/client';
import { ConfirmPasswordField } from '../components/confirm-password-field';
import { useFormStyles } from '../components/form-styles';
import { ProblemBar } from '../components/problem-bar';
import { PublicForm, PublicLayout } from '../components/public-layout';
import { useDocumentTitle } from '../components/use-document-title';

/** A card with a heading, a message and a way back to sign-in. */
function Notice({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const formStyles = useFormStyles();
  const navigate = useNavigate();
  return (
    <PublicLayout>
      <div className={formStyles.form} data-testid={testId}>
        <Title2 as="h1" className={formStyles.heading}>
          {title}
        </Title2>
        {children}
        <div className={formStyles.actions}>
          <Button appearance="primary" onClick={() => void navigate('/sign-in')}>
            {t('passwordReset.backToSignIn')}
          </Button>
        </div>
      </div>
    </PublicLayout>
  );
}

/**
 * "Forgot password?": with a mail server, the person enters their e-mail address and gets a
 * link (the answer is the same whether an account has the address or not); without one, the
 * page says whom to ask.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [byEmail, setByEmail] = useState<boolean | null>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  useDocumentTitle(t('passwordReset.forgotTitle'));

  useEffect(() => {
    let cancelled = false;
    void call(api.GET('/api/password-reset')).then((result) => {
      if (!cancelled) setByEmail(result.ok ? result.data.byEmail : false);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await call(api.POST('/api/password-reset', { body: { email: email.trim() } }));
    setBusy(false);
    if (result.ok) setSent(true);
    else setProblem(result.problem);
  };

  if (byEmail === null) {
    return (
      <PublicLayout>
        <Spinner label={t('common.loading')} />
      </PublicLayout>
    );
  }
  if (!byEmail) {
    return (
      <Notice title={t('passwordReset.forgotTitle')} testId="password-reset-ask-owner">
        <Body1>{t('passwordReset.askOwner')}</Body1>
        <Body1>{t('passwordReset.askOperator')}</Body1>
      </Notice>
    );
  }
  if (sent) {
    return (
      <Notice title={t('passwordReset.sentTitle')} testId="password-reset-sent">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('passwordReset.sent', { email: email.trim() })}</MessageBarBody>
        </MessageBar>
      </Notice>
    );
  }
  return (
    <PublicForm
      title={t('passwordReset.forgotTitle')}
      lead={t('passwordReset.forgotLead')}
      submitLabel={t('passwordReset.send')}
      busy={busy || email.trim() === ''}
      onSubmit={submit}
    >
      <ProblemBar problem={problem} shownFields={['email']} />
      <Field label={t('field.email')} validationMessage={problem?.fields.email}>
        <Input
          required
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(_event, data) => setEmail(data.value)}
        />
      </Field>
    </PublicForm>
  );
}

/**
 * "Choose a new password" behind a reset link: the same rules as everywhere; once set, every
 * session of the account has ended and the person signs in with the new password.
 */
export function ChoosePasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [linkProblem, setLinkProblem] = useState<ClientProblem | null>(null);
  useDocumentTitle(t('passwordReset.chooseTitle'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/password-reset/{token}', {
        params: { path: { token } },
        body: { password },
      }),
    );
    setBusy(false);
    if (result.ok) setDone(true);
    else if (result.problem.status === 410 || result.problem.status === 404)
      setLinkProblem(result.problem);
    else setProblem(result.problem);
  };

  if (done) {
    return (
      <Notice title={t('passwordReset.doneTitle')} testId="password-reset-done">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('passwordReset.done')}</MessageBarBody>
        </MessageBar>
      </Notice>
    );
  }
  if (linkProblem) {
    return (
      <Notice title={t('passwordReset.chooseTitle')} testId="password-reset-invalid">
        <ProblemBar problem={linkProblem} />
        <Body1>{t('passwordReset.invalidHelp')}</Body1>
      </Notice>
    );
  }
  return (
    <PublicForm
      title={t('passwordReset.chooseTitle')}
      lead={t('passwordReset.chooseLead')}
      submitLabel={t('passwordReset.save')}
      busy={busy}
      onSubmit={submit}
    >
      <ProblemBar problem={problem} shownFields={['password']} />
      <Field
        label={t('passwordReset.newPassword')}
        hint={problem?.fields.password ? undefined : t('field.passwordHint')}
        validationMessage={problem?.fields.password}
      >
        <Input
          required
          type="password"
          name="password"
          autoComplete="new-password"
          value={password}
          onChange={(_event, data) => setPassword(data.value)}
        />
      </Field>
      <ConfirmPasswordField value={confirm} onChange={setConfirm} mismatch={mismatch} />
    </PublicForm>
  );
}
