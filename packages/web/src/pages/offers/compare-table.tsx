import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Taxonomy } from '../../api/client';
import { TableScroll } from '../../components/section';
import { usePublishLabels } from './publish-labels';
import type { SnapshotChange } from './publish-types';
import { useSnapshotFormat } from './snapshot-format';

const useStyles = makeStyles({
  table: { minWidth: '560px' },
  value: {
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-line',
    paddingBlock: tokens.spacingVerticalXS,
  },
  before: { color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground2 },
  sectionHead: { width: '16%' },
  fieldHead: { width: '20%' },
  kindHead: { width: '12%' },
});

const KIND_COLOUR = { added: 'success', removed: 'danger', changed: 'warning' } as const;

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** Long texts (descriptions) are cut here; the full text is in the offer. */
const MAX_TEXT = 280;
const cut = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/**
 * "Compare": what the draft changes against the live version, one row per field, document and
 * contact (everything is "added" before the first publish).
 */
export function CompareTable({
  changes,
  taxonomy,
}: {
  changes: readonly SnapshotChange[];
  taxonomy: Taxonomy | null;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePublishLabels();
  const format = useSnapshotFormat(taxonomy);
  // Before the first publish every field is "added": the empty ones say nothing.
  const rows = changes.filter((change) => change.kind !== 'added' || !isEmpty(change.after));

  if (rows.length === 0) {
    return (
      <Text className={styles.none} data-testid="compare-empty">
        {t('publish.noChanges')}
      </Text>
    );
  }
  return (
    <TableScroll>
      <Table size="small" className={styles.table} aria-label={t('publish.compareTitle')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.sectionHead}>
              {t('publish.compareSection')}
            </TableHeaderCell>
            <TableHeaderCell className={styles.fieldHead}>
              {t('publish.compareField')}
            </TableHeaderCell>
            <TableHeaderCell className={styles.kindHead}>
              {t('publish.compareChange')}
            </TableHeaderCell>
            <TableHeaderCell>{t('publish.compareBefore')}</TableHeaderCell>
            <TableHeaderCell>{t('publish.compareAfter')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((change, index) => (
            <TableRow key={`${change.section}:${change.field}:${change.kind}:${index}`}>
              <TableCell>{labels.changeSection[change.section]}</TableCell>
              <TableCell>
                <span className={styles.value}>{format.field(change)}</span>
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={KIND_COLOUR[change.kind]}>
                  {labels.changeKind[change.kind]}
                </Badge>
              </TableCell>
              <TableCell>
                <span className={`${styles.value} ${styles.before}`}>
                  {cut(format.value(change, change.before))}
                </span>
              </TableCell>
              <TableCell>
                <span className={styles.value}>{cut(format.value(change, change.after))}</span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
