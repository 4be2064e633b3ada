import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { SubmissionStateBadge } from './publish-badges';
import { usePublishLabels } from './publish-labels';
import type { FixTarget, Submission } from './publish-types';
import { SubmissionOutcome } from './submission-progress';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  facts: { color: tokens.colorNeutralForeground2 },
});

/** Every submission of the offer, newest first, with the reviewer's report and the problems. */
export function SubmissionHistory({
  submissions,
  onGo,
}: {
  submissions: readonly Submission[];
  onGo?: (target: FixTarget) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePublishLabels();
  if (submissions.length === 0) {
    return <Text className={styles.facts}>{t('publish.historyEmpty')}</Text>;
  }
  return (
    <ul className={styles.list}>
      {submissions.map((submission, index) => (
        <li key={submission.id} className={styles.item} data-submission={submission.id}>
          <span className={styles.head}>
            <Text weight="semibold">{formatDateTime(submission.submittedAt)}</Text>
            <SubmissionStateBadge state={submission.state} />
          </span>
          <Caption1 className={styles.facts}>
            {t('publish.historyFacts', {
              sections: submission.sections.map((s) => labels.part[s]).join(', '),
              date: formatDateTime(submission.updatedAt),
            })}
          </Caption1>
          {/* The latest one's links are live; older problems may be fixed already. */}
          <SubmissionOutcome submission={submission} onGo={index === 0 ? onGo : undefined} />
        </li>
      ))}
    </ul>
  );
}
