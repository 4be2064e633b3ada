/** Pieces shared by the deal forms: a dialog around a form, the team editor, the solution picker. */
import {
  Button,
  Checkbox,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import type { ReferralMember } from '@cosell/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProblem } from '../../api/client';
import { useDiscardGuard, useFormChanged } from '../../components/discard-prompt';
import { ProblemBar } from '../../components/problem-bar';
import type { OptionSolution } from './api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  member: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  memberField: { flex: '1 1 160px', minWidth: 0 },
  // Fluent's pickers ask for 250px; in a form grid they take the column's width.
  picker: { minWidth: '0', width: '100%' },
  pickerInput: { minWidth: '0', width: '100%' },
});

/** Currencies offered when the server names none (ISO 4217). */
export const DEFAULT_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'PLN',
  'SEK',
  'CNY',
  'TWD',
  'JPY',
  'AUD',
  'CAD',
];

/**
 * A dialog around one form: Enter submits, a problem from the server stays in the dialog with
 * its field messages (those the form shows next to their fields are listed in `shownFields`).
 * Closing it once `values` (the form's fields) changed asks before discarding them.
 */
export function FormDialog({
  title,
  submitLabel,
  onSubmit,
  onClose,
  problem,
  shownFields,
  children,
  values,
  wide = false,
}: {
  title: string;
  submitLabel: string;
  /** Checks and sends; resolves when done (the dialog is closed by the caller). */
  onSubmit: () => Promise<void>;
  onClose: () => void;
  problem: ClientProblem | null;
  shownFields?: readonly string[];
  children: ReactNode;
  /** What the user typed and chose, compared with what the dialog opened with. */
  values: unknown;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const guard = useDiscardGuard(useFormChanged(values), onClose);
  return (
    <Dialog
      open
      onOpenChange={(event, data) =>
        data.open || busy ? undefined : guard.onOpenChange(event, data)
      }
    >
      <DialogSurface style={wide ? { maxWidth: '760px' } : undefined}>
        {guard.prompt}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            void onSubmit().finally(() => setBusy(false));
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              <ProblemBar problem={problem} shownFields={shownFields} />
              {children}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                {submitLabel}
              </Button>
              <Button onClick={guard.requestClose} disabled={busy}>
                {t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export const emptyMember = (): ReferralMember => ({
  firstName: '',
  lastName: '',
  email: '',
  phoneNumber: '',
});

/** A member from a person's display name and e-mail ("Sam Seller" → Sam / Seller). */
export function memberFromUser(name: string, email: string): ReferralMember {
  const parts = name.trim().split(/\s+/);
  const firstName = parts[0] ?? '';
  const lastName = parts.slice(1).join(' ') || firstName;
  return { firstName, lastName, email, phoneNumber: '' };
}

/** A member as the API takes it: trimmed, without an empty phone number. */
export function cleanMember(member: ReferralMember): ReferralMember {
  const phone = member.phoneNumber?.trim();
  return {
    firstName: member.firstName.trim(),
    lastName: member.lastName.trim(),
    email: member.email.trim(),
    ...(phone ? { phoneNumber: phone } : {}),
  };
}

/** Members whose name and e-mail are filled in (rows left empty are dropped). */
export const filledMembers = (members: readonly ReferralMember[]) =>
  members.map(cleanMember).filter((member) => member.firstName || member.lastName || member.email);

/**
 * A list of people (first name, last name, e-mail, phone), with add and remove. `fieldPrefix`
 * names the problem fields (`team.0.email`) shown beside their inputs.
 */
export function TeamEditor({
  label,
  members,
  onChange,
  errors = {},
  fieldPrefix,
  minimum = 0,
}: {
  label: string;
  members: ReferralMember[];
  onChange: (members: ReferralMember[]) => void;
  errors?: Record<string, string>;
  fieldPrefix: string;
  minimum?: number;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const set = (index: number, change: Partial<ReferralMember>) =>
    onChange(members.map((member, i) => (i === index ? { ...member, ...change } : member)));
  return (
    <fieldset className={styles.list} style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Text weight="semibold">{label}</Text>
      </legend>
      {members.map((member, index) => {
        const error = (field: string) => errors[`${fieldPrefix}.${index}.${field}`];
        return (
          <div key={index} className={styles.member}>
            <Field
              label={t('opportunities.member.firstName')}
              required
              validationMessage={error('firstName')}
            >
              <Input
                value={member.firstName}
                onChange={(_e, d) => set(index, { firstName: d.value })}
              />
            </Field>
            <Field
              label={t('opportunities.member.lastName')}
              required
              validationMessage={error('lastName')}
            >
              <Input
                value={member.lastName}
                onChange={(_e, d) => set(index, { lastName: d.value })}
              />
            </Field>
            <Field
              label={t('opportunities.member.email')}
              required
              validationMessage={error('email')}
            >
              <Input
                type="email"
                value={member.email}
                onChange={(_e, d) => set(index, { email: d.value })}
              />
            </Field>
            <Field
              className={styles.memberField}
              label={t('opportunities.member.phone')}
              validationMessage={error('phoneNumber')}
            >
              <Input
                type="tel"
                value={member.phoneNumber ?? ''}
                onChange={(_e, d) => set(index, { phoneNumber: d.value })}
              />
            </Field>
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              disabled={members.length <= minimum}
              aria-label={t('opportunities.member.remove', {
                name: `${member.firstName} ${member.lastName}`.trim() || String(index + 1),
              })}
              onClick={() => onChange(members.filter((_m, i) => i !== index))}
            />
          </div>
        );
      })}
      <div>
        <Button icon={<AddRegular />} onClick={() => onChange([...members, emptyMember()])}>
          {t('opportunities.member.add')}
        </Button>
      </div>
    </fieldset>
  );
}

/** Checkboxes of solutions (with their publisher when more than one organisation offers them). */
export function SolutionPicker({
  label,
  hint,
  solutions,
  selected,
  onChange,
  error,
  single = false,
}: {
  label: string;
  hint?: string;
  solutions: readonly OptionSolution[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  single?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const manyPublishers = new Set(solutions.map((s) => s.organizationId)).size > 1;
  return (
    <Field label={label} hint={hint} required validationMessage={error}>
      <div role={single ? 'radiogroup' : 'group'} aria-label={label} className={styles.list}>
        {solutions.length === 0 ? (
          <Text className={styles.hint}>{t('opportunities.noSolutions')}</Text>
        ) : (
          solutions.map((solution) => (
            <Checkbox
              key={solution.id}
              label={
                manyPublishers ? `${solution.name} — ${solution.organizationName}` : solution.name
              }
              checked={selected.includes(solution.id)}
              onChange={(_event, data) =>
                onChange(
                  single
                    ? data.checked
                      ? [solution.id]
                      : []
                    : data.checked
                      ? [...selected, solution.id]
                      : selected.filter((id) => id !== solution.id),
                )
              }
            />
          ))
        )}
      </div>
    </Field>
  );
}

/** A currency code picker (type to filter; any ISO 4217 code may be typed). */
export function CurrencyField({
  value,
  onChange,
  currencies,
  error,
}: {
  value: string;
  onChange: (currency: string) => void;
  currencies?: readonly string[] | undefined;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const list = currencies && currencies.length > 0 ? currencies : DEFAULT_CURRENCIES;
  return (
    <Field label={t('opportunities.field.currency')} required validationMessage={error}>
      <Combobox
        className={styles.picker}
        input={{ className: styles.pickerInput }}
        freeform
        value={value}
        selectedOptions={[value]}
        onOptionSelect={(_event, data) => data.optionValue && onChange(data.optionValue)}
        onChange={(event) => onChange(event.target.value.toUpperCase().slice(0, 3))}
      >
        {list.map((code) => (
          <Option key={code} value={code}>
            {code}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
