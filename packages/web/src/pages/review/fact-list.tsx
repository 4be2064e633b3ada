import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 14em) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 559px)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: 0 },
  },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  definition: {
    margin: 0,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-line',
    '@media (max-width: 559px)': { marginBottom: tokens.spacingVerticalS },
  },
});

/** Label–value pairs as a description list (two columns, one on narrow screens). */
export function FactList({ facts }: { facts: readonly (readonly [string, ReactNode])[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.definition}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
