import {
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type ClientProblem } from '../api/client';
import { ProblemBar } from '../components/problem-bar';
import { PublicForm } from '../components/public-layout';
import { useDocumentTitle } from '../components/use-document-title';
import { useSession } from '../session/session-context';

const useStyles = makeStyles({
  footer: {
    marginTop: tokens.spacingVerticalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  forgot: { alignSelf: 'flex-start' },
  // A plain link styled like Fluent's: the sign-in route's JavaScript budget is tight.
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline', color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

/**
 * Sign in with e-mail and password; the route then returns to the page that was asked for.
 * Under the password, "Forgot password?"; below the form, a link to the public storefront for
 * those without an account.
 */
export default function SignInPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const { adoptSession, ended } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  useDocumentTitle(t('signIn.title'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/session', { body: { email: email.trim(), password } }),
    );
    if (result.ok) {
      await adoptSession(result.data);
      return;
    }
    setBusy(false);
    setProblem(result.problem);
  };

  return (
    <PublicForm
      title={t('signIn.title')}
      lead={t('signIn.lead')}
      submitLabel={busy ? t('signIn.busy') : t('signIn.submit')}
      busy={busy}
      onSubmit={submit}
      footer={
        <div className={styles.footer}>
          <a
            href="/storefront"
            className={styles.link}
            data-testid="sign-in-storefront"
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              void navigate('/storefront');
            }}
          >
            {t('storefront.browse')}
          </a>
        </div>
      }
    >
      {ended === 'expired' && !problem ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('signIn.expired')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ProblemBar problem={problem} shownFields={['email', 'password']} />
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
      <Field label={t('field.password')} validationMessage={problem?.fields.password}>
        <Input
          required
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(_event, data) => setPassword(data.value)}
        />
      </Field>
      <a
        href="/forgot-password"
        className={mergeClasses(styles.link, styles.forgot)}
        data-testid="forgot-password"
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          void navigate('/forgot-password');
        }}
      >
        {t('signIn.forgot')}
      </a>
    </PublicForm>
  );
}
