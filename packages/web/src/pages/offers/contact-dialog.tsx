import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  call,
  type ClientProblem,
  type Contact,
  type ContactCountryCode,
  type ContactFields,
  type ContactRoleId,
  type StateCode,
} from '../../api/client';
import { MultiPicker } from '../../components/multi-picker';
import { ProblemBar } from '../../components/problem-bar';
import { useDiscardGuard, useFormChanged } from '../../components/discard-prompt';
import { currentLocale } from '../../i18n/i18n';
import {
  chooseCountries,
  contactBody,
  contactIncomplete,
  emptyContact,
  keepStatesOf,
} from './contact-form-state';
import { sortedCountries, stateName, statesFor } from './countries';
import { useVocabularyLabels } from './labels';
import { ALL_REGIONS, CONTACT_ROLE_IDS } from './vocabulary';

const useStyles = makeStyles({
  surface: { maxWidth: '640px', width: 'calc(100vw - 32px)' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  dropdown: { minWidth: 0, width: '100%' },
});

const FIELDS = ['name', 'email', 'jobTitle', 'role', 'countries', 'states'];
const messageOf = (fields: Record<string, string>, name: string) =>
  Object.entries(fields)
    .filter(([field]) => field === name || field.startsWith(`${name}.`))
    .map(([, message]) => message)
    .join(' ') || undefined;

/** Add or edit one contact: every field of the CSV, with country and state names. */
export function ContactDialog({
  target,
  contact,
  onClose,
  onSaved,
}: {
  target: { organisationId: string; offerId: string };
  /** The contact to edit; null adds one. */
  contact: Contact | null;
  onClose: () => void;
  onSaved: (contact: Contact) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const locale = currentLocale();
  const [fields, setFields] = useState<ContactFields>(() =>
    contact
      ? {
          name: contact.name,
          email: contact.email,
          jobTitle: contact.jobTitle,
          role: contact.role,
          countries: [...contact.countries],
          states: [...contact.states],
        }
      : emptyContact(),
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  const countryOptions = useMemo(
    () => [
      { value: ALL_REGIONS, label: t('countries.all'), keywords: ALL_REGIONS },
      ...sortedCountries(locale).map(({ code, name }) => ({
        value: code,
        label: name,
        keywords: code,
      })),
    ],
    [locale, t],
  );
  const stateKey = statesFor(fields.countries).join(',');
  const stateOptions = useMemo(
    () =>
      (stateKey ? stateKey.split(',') : []).map((code) => ({
        value: code,
        label: stateName(code, locale),
        keywords: code,
      })),
    [stateKey, locale],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (contactIncomplete(fields)) return;
    setBusy(true);
    setProblem(null);
    const body = contactBody(fields);
    const result = contact
      ? await call(
          api.PUT('/api/organisations/{organisationId}/offers/{offerId}/contacts/{contactId}', {
            params: {
              path: { ...target, contactId: contact.id },
              header: { 'if-match': `"v${contact.version}"` },
            },
            body,
          }),
        )
      : await call(
          api.POST('/api/organisations/{organisationId}/offers/{offerId}/contacts', {
            params: { path: target },
            body,
          }),
        );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    onSaved(result.data.contact);
  };

  const guard = useDiscardGuard(useFormChanged(fields), onClose);
  const errors = problem?.fields ?? {};
  const shown = Object.keys(errors).filter((field) =>
    FIELDS.some((name) => field === name || field.startsWith(`${name}.`)),
  );

  return (
    <Dialog open onOpenChange={guard.onOpenChange}>
      <DialogSurface className={styles.surface}>
        {guard.prompt}
        <DialogBody>
          <DialogTitle>
            {contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.addTitle')}
          </DialogTitle>
          <DialogContent>
            <form id="contact-form" className={styles.form} onSubmit={submit} noValidate>
              <ProblemBar problem={problem} shownFields={shown} />
              <div className={styles.pair}>
                <Field label={t('contacts.name')} validationMessage={messageOf(errors, 'name')}>
                  <Input
                    required
                    value={fields.name}
                    maxLength={120}
                    autoComplete="off"
                    onChange={(_event, data) => setFields({ ...fields, name: data.value })}
                  />
                </Field>
                <Field label={t('contacts.email')} validationMessage={messageOf(errors, 'email')}>
                  <Input
                    required
                    type="email"
                    value={fields.email}
                    autoComplete="off"
                    onChange={(_event, data) => setFields({ ...fields, email: data.value })}
                  />
                </Field>
                <Field
                  label={t('contacts.jobTitle')}
                  validationMessage={messageOf(errors, 'jobTitle')}
                >
                  <Input
                    required
                    value={fields.jobTitle}
                    maxLength={120}
                    autoComplete="off"
                    onChange={(_event, data) => setFields({ ...fields, jobTitle: data.value })}
                  />
                </Field>
                <Field
                  label={t('contacts.role')}
                  hint={labels.contactRoleHint[fields.role]}
                  validationMessage={messageOf(errors, 'role')}
                >
                  <Dropdown
                    className={styles.dropdown}
                    aria-required
                    value={labels.contactRole[fields.role]}
                    selectedOptions={[fields.role]}
                    onOptionSelect={(_event, data) =>
                      data.optionValue &&
                      setFields({ ...fields, role: data.optionValue as ContactRoleId })
                    }
                  >
                    {CONTACT_ROLE_IDS.map((role) => (
                      <Option key={role} value={role}>
                        {labels.contactRole[role]}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              </div>
              <MultiPicker
                label={t('contacts.countries')}
                hint={t('contacts.countriesHint')}
                required
                options={countryOptions}
                value={fields.countries}
                validationMessage={messageOf(errors, 'countries')}
                placeholder={t('contacts.countriesPlaceholder')}
                onChange={(next) => {
                  const countries = chooseCountries(fields.countries, next) as ContactCountryCode[];
                  setFields({
                    ...fields,
                    countries,
                    states: keepStatesOf(fields.states, countries) as StateCode[],
                  });
                }}
              />
              {stateOptions.length > 0 ? (
                <MultiPicker
                  label={t('contacts.states')}
                  hint={t('contacts.statesHint')}
                  options={stateOptions}
                  value={fields.states}
                  validationMessage={messageOf(errors, 'states')}
                  placeholder={t('contacts.statesPlaceholder')}
                  onChange={(states) => setFields({ ...fields, states: states as StateCode[] })}
                />
              ) : null}
            </form>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              type="submit"
              form="contact-form"
              disabled={busy || contactIncomplete(fields)}
            >
              {contact ? t('common.save') : t('contacts.add')}
            </Button>
            <Button onClick={guard.requestClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
