import { Card, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, type ReactNode } from 'react';
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
