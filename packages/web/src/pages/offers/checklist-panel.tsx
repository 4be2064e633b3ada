import {
  Body1,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CosellTab } from '../../api/client';

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: { margin: 0 },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  icon: { flexShrink: 0, fontSize: '20px', marginTop: '1px' },
  met: { color: tokens.colorPaletteGreenForeground1 },
  unmet: { color: tokens.colorPaletteRedForeground1 },
  metText: { color: tokens.colorNeutralForeground2 },
  link: { textAlign: 'start', lineHeight: tokens.lineHeightBase300 },
  note: { color: tokens.colorNeutralForeground3 },
});

/**
 * "What's missing for co-sell ready": every requirement of the active policy the offer itself
 * meets, met or not; an unmet one is a link to the field that fixes it. Publishing needs none of
 * them: the offer goes live Not co-sell ready until all are met.
 */
export function ChecklistPanel({
  checklist,
  readyToSubmit,
  stale,
  onGo,
}: {
  checklist: CosellTab['checklist'];
  readyToSubmit: boolean;
  /** The draft has unsaved edits: the list shows the saved state. */
  stale: boolean;
  onGo: (field: string) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const met = checklist.filter((item) => item.met).length;
  // Unmet first: what is missing is what the reader came for.
  const ordered = [...checklist.filter((i) => !i.met), ...checklist.filter((i) => i.met)];

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="cosell-checklist">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t('checklist.title')}
      </Subtitle2>
      <div className={styles.summary}>
        <Body1>{t('checklist.progress', { met, total: checklist.length })}</Body1>
        <ProgressBar
          value={checklist.length === 0 ? 1 : met / checklist.length}
          color={readyToSubmit ? 'success' : 'brand'}
          thickness="large"
          aria-label={t('checklist.progress', { met, total: checklist.length })}
        />
      </div>
      {readyToSubmit ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('checklist.ready')}</MessageBarBody>
        </MessageBar>
      ) : (
        <Caption1 className={styles.note}>{t('checklist.optional')}</Caption1>
      )}
      <ul className={styles.list}>
        {ordered.map((item) => (
          <li key={item.id} className={styles.item} data-met={item.met}>
            {item.met ? (
              <CheckmarkCircleFilled
                className={mergeClasses(styles.icon, styles.met)}
                aria-label={t('checklist.met')}
                role="img"
              />
            ) : (
              <ErrorCircleRegular
                className={mergeClasses(styles.icon, styles.unmet)}
                aria-label={t('checklist.missing')}
                role="img"
              />
            )}
            {item.met ? (
              <Text className={styles.metText}>{item.message}</Text>
            ) : (
              <Link as="button" className={styles.link} onClick={() => onGo(item.field)}>
                {item.message}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {stale ? <Caption1 className={styles.note}>{t('checklist.staleNote')}</Caption1> : null}
    </section>
  );
}
