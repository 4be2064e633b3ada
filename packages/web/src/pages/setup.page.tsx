import { Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem } from '../api/client';
import { withoutFieldError } from '../components/field-errors';
import { ProblemBar } from '../components/problem-bar';
import { PublicForm } from '../components/public-layout';
import { useDocumentTitle } from '../components/use-document-title';
import { currentLocale } from '../i18n/i18n';
import { useSession } from '../session/session-context';
import { ConfirmPasswordField } from '../components/confirm-password-field';

const FIELDS = ['organisationName', 'name', 'email', 'password'] as const;

/** First run: the vendor organisation that runs the program and its first program admin. */
export default function SetupPage() {
  const { t } = useTranslation();
  const { adoptSession, markSetupDone } = useSession();
  const [form, setForm] = useState({ organisationName: '', name: '', email: '', password: '' });
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  useDocumentTitle(t('setup.title'));

  const set = (field: keyof typeof form) => (_event: unknown, data: { value: string }) => {
    setForm((f) => ({ ...f, [field]: data.value }));
    // The field's message goes as soon as it is edited: it spoke of the value that was sent.
    setProblem((p) => withoutFieldError(p, field));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/setup', {
        body: {
          organisationName: form.organisationName.trim(),
          name: form.name.trim(),
          email: form.email.trim(),
          password: form.password,
          locale: currentLocale(),
        },
      }),
    );
    if (result.ok) {
      markSetupDone();
      await adoptSession(result.data);
      return;
    }
    setBusy(false);
    setProblem(result.problem);
    if (result.problem.code === 'SETUP_DONE') markSetupDone();
  };

  return (
    <PublicForm
      title={t('setup.title')}
      lead={t('setup.lead')}
      submitLabel={busy ? t('setup.busy') : t('setup.submit')}
      busy={busy}
      onSubmit={submit}
    >
      <ProblemBar problem={problem} shownFields={FIELDS} />
      <Field
        label={t('setup.organisationName')}
        hint={t('setup.organisationNameHint')}
        validationMessage={problem?.fields.organisationName}
      >
        <Input
          required
          name="organisationName"
          autoComplete="organization"
          value={form.organisationName}
          onChange={set('organisationName')}
        />
      </Field>
      <Field label={t('field.yourName')} validationMessage={problem?.fields.name}>
        <Input required name="name" autoComplete="name" value={form.name} onChange={set('name')} />
      </Field>
      <Field label={t('field.email')} validationMessage={problem?.fields.email}>
        <Input
          required
          type="email"
          name="email"
          autoComplete="username"
          value={form.email}
          onChange={set('email')}
        />
      </Field>
      <Field
        label={t('field.password')}
        hint={problem?.fields.password ? undefined : t('field.passwordHint')}
        validationMessage={problem?.fields.password}
      >
        <Input
          required
          type="password"
          name="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
        />
      </Field>
      <ConfirmPasswordField
        value={confirm}
        onChange={(value) => {
          setConfirm(value);
          if (value === form.password) setMismatch(false);
        }}
        mismatch={mismatch}
      />
    </PublicForm>
  );
}
