import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

/** "1–20 of 45" with previous / next page buttons. */
export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className={styles.root} aria-label={t('pager.label')}>
      <Text>{t('pager.range', { from, to, total })}</Text>
      <Button
        icon={<ChevronLeftRegular />}
        aria-label={t('pager.previous')}
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      />
      <Button
        icon={<ChevronRightRegular />}
        aria-label={t('pager.next')}
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      />
    </nav>
  );
}
