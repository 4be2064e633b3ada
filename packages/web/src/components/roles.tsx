import { Badge, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesForKind, type OrganisationKind, type Role } from '../domain/tenant';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  badge: { whiteSpace: 'nowrap' },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  option: { display: 'flex', flexDirection: 'column' },
  hint: {
    color: tokens.colorNeutralForeground3,
    paddingInlineStart: '32px',
    marginTop: '-6px',
    marginBottom: tokens.spacingVerticalXS,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The localized name of a role (the server's role ids are stable English slugs). */
export function useRoleLabel() {
  const { t } = useTranslation();
  return (role: string) => t(`role.${role}`, { defaultValue: role });
}

/** A member's or invitation's roles as badges. */
export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const styles = useStyles();
  const label = useRoleLabel();
  return (
    <span className={styles.badges}>
      {roles.map((role) => (
        <Badge
          key={role}
          className={styles.badge}
          appearance="tint"
          color={role === 'owner' || role === 'program-admin' ? 'brand' : 'informative'}
        >
          {label(role)}
        </Badge>
      ))}
    </span>
  );
}

/** Checkboxes for the roles valid in an organisation of `kind`, each with what it allows. */
export function RoleCheckboxes({
  kind,
  value,
  onChange,
  error,
  exclude = [],
}: {
  kind: OrganisationKind;
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
  /** Roles not offered here (a service token is never an owner). */
  exclude?: readonly Role[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const label = useRoleLabel();
  const errorId = useId();
  const roles = rolesForKind(kind).filter((role) => !exclude.includes(role));
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>{t('roles.label')}</legend>
      {roles.map((role) => (
        <div key={role} className={styles.option}>
          <Checkbox
            label={label(role)}
            checked={value.includes(role)}
            onChange={(_event, data) =>
              onChange(
                data.checked
                  ? roles.filter((r) => r === role || value.includes(r))
                  : value.filter((r) => r !== role),
              )
            }
          />
          <Text size={200} className={styles.hint}>
            {t(`roleHint.${role}`)}
          </Text>
        </div>
      ))}
      {error ? (
        <Text id={errorId} role="alert" size={200} className={styles.error}>
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}

/** The localized name of an organisation kind. */
export function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => t(`kind.${kind}`, { defaultValue: kind });
}
