import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/i18n';
import { sortedCountries } from '../offers/countries';
import {
  CONTACT_LIMITS,
  contactProblems,
  sendContactRequest,
  type ContactAnswer,
  type ContactField,
  type ContactProblem,
  type ContactRequestInput,
} from './contact-request';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(260px, 100%), 1fr))',
    gap: tokens.spacingVerticalM,
    maxWidth: '720px',
  },
  wide: { gridColumn: '1 / -1' },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS },
});

const EMPTY: ContactRequestInput = {
  name: '',
  email: '',
  company: '',
  country: '',
  message: '',
  consent: false,
};

/**
 * "Contact me": a storefront visitor leaves their details for the offer's publisher, who
 * receives them as a lead. Problems show under their field, in the visitor's language.
 */
export function ContactForm({ offerId, publisher }: { offerId: string; publisher: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const locale = currentLocale();
  const countries = useMemo(
    () => sortedCountries(locale).filter(({ code }) => /^[A-Z]{2}$/.test(code)),
    [locale],
  );
  const [input, setInput] = useState<ContactRequestInput>(EMPTY);
  /** Problems are shown once the visitor tried to send; they then follow every change. */
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ContactAnswer | null>(null);
  const local = contactProblems(input);
  const server = answer?.kind === 'invalid' ? answer.fields : {};

  const change = <K extends ContactField>(field: K, value: ContactRequestInput[K]) => {
    setInput((current) => ({ ...current, [field]: value }));
    // A server problem about a field goes once the field changes.
    if (answer?.kind === 'invalid' && answer.fields[field]) {
      const { [field]: _gone, ...rest } = answer.fields;
      setAnswer({ ...answer, fields: rest });
    }
  };

  const texts: Record<ContactField, Partial<Record<ContactProblem, string>>> = {
    name: {
      required: t('storefront.contact.nameRequired'),
      tooLong: t('storefront.contact.nameTooLong', { max: CONTACT_LIMITS.name }),
    },
    email: {
      required: t('storefront.contact.emailRequired'),
      invalid: t('storefront.contact.emailInvalid'),
    },
    company: {
      required: t('storefront.contact.companyRequired'),
      tooLong: t('storefront.contact.companyTooLong', { max: CONTACT_LIMITS.company }),
    },
    country: { required: t('storefront.contact.countryRequired') },
    message: {
      required: t('storefront.contact.messageRequired'),
      tooLong: t('storefront.contact.messageTooLong', { max: CONTACT_LIMITS.message }),
    },
    consent: { required: t('storefront.contact.consentRequired') },
  };
  const message = (field: ContactField) => {
    const problem = tried ? local[field] : undefined;
    return problem ? texts[field][problem] : server[field];
  };
  const fieldProps = (field: ContactField) => {
    const text = message(field);
    return text
      ? { validationState: 'error' as const, validationMessage: text }
      : { validationState: 'none' as const };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const problems = Object.keys(local) as ContactField[];
    if (problems.length > 0) {
      document.getElementById(`contact-${problems[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await sendContactRequest(offerId, input);
    setBusy(false);
    setAnswer(result);
  };

  if (answer?.kind === 'received') {
    return (
      <MessageBar intent="success" layout="multiline" data-testid="contact-received">
        <MessageBarBody>
          <MessageBarTitle>{t('storefront.contact.receivedTitle')}</MessageBarTitle>
          {t('storefront.contact.receivedBody', { publisher })}
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <form className={styles.form} noValidate onSubmit={(event) => void submit(event)}>
      {answer &&
      (answer.kind !== 'invalid' || !Object.keys(answer.fields).some((f) => f in EMPTY)) ? (
        <MessageBar intent="error" layout="multiline" className={styles.wide} role="alert">
          <MessageBarBody>
            {answer.kind === 'rate-limited'
              ? answer.retryAt
                ? t('storefront.contact.rateLimitedUntil', {
                    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(
                      answer.retryAt,
                    ),
                  })
                : t('storefront.contact.rateLimited')
              : answer.kind === 'not-found'
                ? t('storefront.notFoundBody')
                : answer.title}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('storefront.contact.name')} required {...fieldProps('name')}>
        <Input
          id="contact-name"
          autoComplete="name"
          value={input.name}
          onChange={(_event, data) => change('name', data.value)}
        />
      </Field>
      <Field label={t('storefront.contact.email')} required {...fieldProps('email')}>
        <Input
          id="contact-email"
          type="email"
          autoComplete="email"
          value={input.email}
          onChange={(_event, data) => change('email', data.value)}
        />
      </Field>
      <Field label={t('storefront.contact.company')} required {...fieldProps('company')}>
        <Input
          id="contact-company"
          autoComplete="organization"
          value={input.company}
          onChange={(_event, data) => change('company', data.value)}
        />
      </Field>
      <Field label={t('storefront.contact.country')} required {...fieldProps('country')}>
        <Select
          id="contact-country"
          value={input.country}
          onChange={(_event, data) => change('country', data.value)}
        >
          <option value="">{t('storefront.contact.chooseCountry')}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        className={styles.wide}
        label={t('storefront.contact.message')}
        hint={t('storefront.contact.messageHint')}
        required
        {...fieldProps('message')}
      >
        <Textarea
          id="contact-message"
          resize="vertical"
          rows={4}
          value={input.message}
          onChange={(_event, data) => change('message', data.value)}
        />
      </Field>
      <Field className={styles.wide} {...fieldProps('consent')}>
        <Checkbox
          id="contact-consent"
          checked={input.consent}
          label={t('storefront.contact.consent', { publisher })}
          onChange={(_event, data) => change('consent', data.checked === true)}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t('storefront.contact.sending') : t('storefront.contact.submit')}
        </Button>
      </div>
    </form>
  );
}
