import {
  Body1,
  Button,
  Card,
  makeStyles,
  Spinner,
  Title2,
  tokens,
} from '@fluentui/react-components';
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
  card: {
    width: '100%',
    maxWidth: '440px',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalL },
  },
});

/** Pages before sign-in: product name and language picker above one centred card. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const { changeLocale } = useSession();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Brand />
        <LanguagePicker onChange={(locale) => void changeLocale(locale)} />
      </header>
      <main className={styles.main}>
        <Card className={styles.card}>
          <Suspense fallback={<Spinner />}>{children}</Suspense>
        </Card>
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
}: {
  title: string;
  lead?: ReactNode;
  submitLabel: string;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
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
    </PublicLayout>
  );
}
