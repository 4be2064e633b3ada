import {
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  CircleRegular,
  ClockRegular,
  DismissCircleFilled,
  HandRightRegular,
  SubtractCircleRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { usePublishLabels } from './publish-labels';
import { problemTarget } from './publish-targets';
import {
  AUTOMATIC_STATES,
  CANCELLABLE_STATES,
  type FixTarget,
  type Submission,
} from './publish-types';
import { stepsOf, type StepState } from './submission-steps';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  steps: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(5, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
    '@media (max-width: 767px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  step: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    borderTop: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  stepDone: { borderTopColor: tokens.colorPaletteGreenBorder2 },
  stepCurrent: {
    borderTopColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  stepFailed: {
    borderTopColor: tokens.colorPaletteRedBorder2,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  stepMuted: { color: tokens.colorNeutralForeground3 },
  icon: { flexShrink: 0, fontSize: '20px', marginTop: '1px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  waiting: { color: tokens.colorNeutralForeground3 },
  brand: { color: tokens.colorBrandForeground1 },
  outcome: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
  },
  stepText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  stepName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: '1.25em' },
  report: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
  },
});

function StepIcon({ state, automatic }: { state: StepState; automatic: boolean }) {
  const styles = useStyles();
  switch (state) {
    case 'done':
      return (
        <CheckmarkCircleFilled aria-hidden className={mergeClasses(styles.icon, styles.done)} />
      );
    case 'current':
      // The pipeline moves on by itself (a spinner); a reviewer takes days (a clock).
      return automatic ? (
        <Spinner size="extra-tiny" aria-hidden className={styles.icon} />
      ) : (
        <ClockRegular aria-hidden className={mergeClasses(styles.icon, styles.brand)} />
      );
    case 'action':
      return <HandRightRegular aria-hidden className={mergeClasses(styles.icon, styles.brand)} />;
    case 'failed':
      return (
        <DismissCircleFilled aria-hidden className={mergeClasses(styles.icon, styles.failed)} />
      );
    case 'skipped':
      return (
        <SubtractCircleRegular aria-hidden className={mergeClasses(styles.icon, styles.waiting)} />
      );
    default:
      return <CircleRegular aria-hidden className={mergeClasses(styles.icon, styles.waiting)} />;
  }
}

/** The problems of a failed validation, each a link to the field that fixes it (if any). */
export function ProblemList({
  problems,
  onGo,
}: {
  problems: Submission['problems'];
  onGo?: (target: FixTarget) => void;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {problems.map((problem) => {
        const target = onGo ? problemTarget(problem.id) : null;
        return (
          <li key={`${problem.id}:${problem.code}`}>
            {target && onGo ? (
              <Link as="button" inline onClick={() => onGo(target)}>
                {problem.message}
              </Link>
            ) : (
              problem.message
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** What went wrong with a submission: the validation problems or the reviewer's report. */
export function SubmissionOutcome({
  submission,
  onGo,
}: {
  submission: Submission;
  onGo?: (target: FixTarget) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePublishLabels();
  const review = submission.review;
  if (submission.problems.length === 0 && !review) return null;
  return (
    <div className={styles.outcome}>
      {submission.problems.length > 0 ? (
        <ProblemList problems={submission.problems} onGo={onGo} />
      ) : null}
      {review ? (
        <>
          <Text weight="semibold">
            {t('publish.reviewDecided', {
              decision: labels.decision[review.decision],
              date: formatDateTime(review.decidedAt),
            })}
          </Text>
          <Text>
            {t('publish.reviewTechnical', { value: labels.technical[review.technicalValidation] })}
            {' · '}
            {review.revenueVerified
              ? t('publish.revenueVerified')
              : t('publish.revenueNotVerified')}
          </Text>
          {review.report ? (
            <blockquote className={styles.report} aria-label={t('publish.reviewReport')}>
              {review.report}
            </blockquote>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/**
 * The submission on its way (or the latest one) as steps, with what the publisher can do now:
 * cancel before Go live, Go live once the preview is ready, fix and publish again after a
 * failure.
 */
export function SubmissionProgress({
  submission,
  canWrite,
  busy,
  onCancel,
  onGoLive,
  onGo,
}: {
  submission: Submission;
  canWrite: boolean;
  busy: boolean;
  onCancel: () => void;
  onGoLive: () => void;
  onGo: (target: FixTarget) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePublishLabels();
  const steps = stepsOf(submission);
  const failed = submission.state === 'attention-needed' || submission.state === 'rejected';
  const cancellable = CANCELLABLE_STATES.includes(submission.state);

  return (
    <div className={styles.root}>
      <span
        className="visually-hidden"
        data-testid="submission-state"
        data-state={submission.state}
        aria-hidden
      >
        {submission.state}
      </span>
      <Body1 className={styles.facts}>
        {t('publish.submittedAt', {
          date: formatDateTime(submission.submittedAt),
          sections: submission.sections.map((s) => labels.part[s]).join(', '),
        })}
      </Body1>
      {submission.state === 'cancelled' ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('publish.cancelledNote', { date: formatDateTime(submission.updatedAt) })}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ol className={styles.steps} aria-label={t('publish.progressTitle')}>
          {steps.map((step) => (
            <li
              key={step.id}
              className={mergeClasses(
                styles.step,
                step.state === 'done' && styles.stepDone,
                (step.state === 'current' || step.state === 'action') && styles.stepCurrent,
                step.state === 'failed' && styles.stepFailed,
                (step.state === 'waiting' || step.state === 'skipped') && styles.stepMuted,
              )}
              aria-current={
                step.state === 'current' || step.state === 'action' ? 'step' : undefined
              }
              data-step={step.id}
              data-step-state={step.state}
            >
              <StepIcon
                state={step.state}
                automatic={AUTOMATIC_STATES.includes(submission.state)}
              />
              <span className={styles.stepText}>
                <span className={styles.stepName}>{labels.step[step.id]}</span>
                <Caption1>{labels.stepState[step.state]}</Caption1>
              </span>
            </li>
          ))}
        </ol>
      )}
      {submission.state === 'preview' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('publish.previewReadyTitle')}</MessageBarTitle>
            {t('publish.previewReadyBody')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {submission.state === 'in-review' ? (
        <Body1 className={styles.facts}>{t('publish.inReviewNote')}</Body1>
      ) : null}
      {submission.state === 'published' ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('publish.publishedNote')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {failed ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {submission.state === 'rejected'
                ? t('publish.rejectedTitle')
                : t('publish.attentionTitle')}
            </MessageBarTitle>
            <div>{t('publish.fixAndPublishAgain')}</div>
            <SubmissionOutcome submission={submission} onGo={onGo} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {canWrite && (cancellable || submission.state === 'preview') ? (
        <div className={styles.actions}>
          {submission.state === 'preview' ? (
            <Button appearance="primary" disabled={busy} onClick={onGoLive} data-testid="go-live">
              {t('publish.goLive')}
            </Button>
          ) : null}
          {cancellable ? (
            <Button disabled={busy} onClick={onCancel} data-testid="cancel-publish">
              {t('publish.cancelPublish')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
