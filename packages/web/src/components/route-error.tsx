import { Body1, Button, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

const useStyles = makeStyles({
  root: {
    maxWidth: '560px',
    margin: '64px auto',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    alignItems: 'flex-start',
  },
});

/**
 * Last resort when a page fails to render — most often a page chunk that no longer exists
 * because a new version was deployed while this tab was open; reloading fetches the new one.
 */
export function RouteError() {
  const { t } = useTranslation();
  const styles = useStyles();
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className={styles.root}>
      <Title2 as="h1">{t('routeError.title')}</Title2>
      <Body1>{t('routeError.body')}</Body1>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </Button>
    </main>
  );
}
