import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** "Confirm password" under a new password, saying so when the two differ. */
export function ConfirmPasswordField({
  value,
  onChange,
  mismatch,
}: {
  value: string;
  onChange: (value: string) => void;
  mismatch: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={t('field.confirmPassword')}
      validationMessage={mismatch ? t('field.passwordMismatch') : undefined}
    >
      <Input
        required
        type="password"
        name="confirmPassword"
        autoComplete="new-password"
        value={value}
        onChange={(_event, data) => onChange(data.value)}
      />
    </Field>
  );
}
