import { Body1, Button, makeStyles, Spinner, Title2, tokens } from '@fluentui/react-components';
import { Suspense, type FormEvent, type ReactNode } from 'react';
import { useFormStyles } from './form-styles';
import { useSession } from '../session/session-context';
import { Brand } from './brand';
import { LanguagePicker } from './language-picker';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  main: {
    flexGrow: 1,
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalM}`,
  },
  wide: {
    width: '100%',
    maxWidth: '1200px',
    minWidth: 0,
  },
  headerEnd: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // Drawn like Fluent's Card without its focus-management code (the sign-in route's budget).
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    width: '100%',
    maxWidth: '440px',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalL },
  },
});

/**
 * Pages before sign-in: product name and language picker above one centred card. `wide` pages
 * (the storefront) lay out their own content across the width instead, and `actions` go beside
 * the language picker.
 */
export function PublicLayout({
  children,
  wide = false,
  actions,
}: {
  children: ReactNode;
  wide?: boolean;
  actions?: ReactNode;
}) {
  const styles = useStyles();
  const { changeLocale } = useSession();
  const content = <Suspense fallback={<Spinner />}>{children}</Suspense>;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Brand />
        <div className={styles.headerEnd}>
          <LanguagePicker onChange={(locale) => void changeLocale(locale)} />
          {actions}
        </div>
      </header>
      <main className={styles.main}>
        {wide ? (
          <div className={styles.wide}>{content}</div>
        ) : (
          <div className={styles.card}>{content}</div>
        )}
      </main>
    </div>
  );
}

/**
 * A form page before sign-in (set-up, sign-in, invitation): heading, optional lead, the
 * fields, and one primary submit button that is disabled while `busy`.
 */
export function PublicForm({
  title,
  lead,
  submitLabel,
  busy,
  onSubmit,
  children,
  footer,
}: {
  title: string;
  lead?: ReactNode;
  submitLabel: string;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  /** Below the form, e.g. a link to the public storefront. */
  footer?: ReactNode;
}) {
  const styles = useFormStyles();
  return (
    <PublicLayout>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <Title2 as="h1" className={styles.heading}>
          {title}
        </Title2>
        {lead ? <Body1 className={styles.lead}>{lead}</Body1> : null}
        {children}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
      {footer}
    </PublicLayout>
  );
}
