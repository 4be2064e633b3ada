import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem } from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { usePublishLabels } from '../offers/publish-labels';
import {
  TECHNICAL_VALIDATIONS,
  type ReviewDecision,
  type TechnicalValidation,
} from '../offers/publish-types';
import type { SubmissionRef } from './review-params';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The report may be long; the server takes up to 10,000 characters. */
const REPORT_MAX = 10_000;

/**
 * The reviewer's decision: technical validation, revenue verification and a report for the
 * publisher (required to reject), sent with If-Match on the submission version read.
 */
export function DecisionForm({
  submission,
  etag,
  onDecided,
  onReload,
}: {
  submission: SubmissionRef;
  etag: string | undefined;
  onDecided: (decision: ReviewDecision['decision']) => void;
  /** Reads the submission again (after a 412). */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePublishLabels();
  const reportRef = useRef<HTMLTextAreaElement>(null);
  const technicalId = useId();
  const [technical, setTechnical] = useState<TechnicalValidation>('not-assessed');
  const [revenueVerified, setRevenueVerified] = useState(false);
  const [report, setReport] = useState('');
  const [reportMissing, setReportMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  const decide = async (decision: ReviewDecision['decision']) => {
    if (decision === 'reject' && report.trim() === '') {
      setReportMissing(true);
      reportRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/review/organisations/{organisationId}/submissions/{submissionId}/decision', {
        params: { path: submission, header: etag ? { 'if-match': etag } : {} },
        body: { decision, report: report.trim(), technicalValidation: technical, revenueVerified },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    onDecided(decision);
  };

  const stale = problem?.status === 412;
  const reportMessage = reportMissing ? t('review.reportRequired') : problem?.fields.report;

  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()} noValidate>
      <ProblemBar
        problem={
          stale && problem
            ? { ...problem, title: t('review.staleTitle'), detail: t('review.staleBody') }
            : problem
        }
        intent={stale ? 'warning' : 'error'}
        shownFields={['report']}
        actions={
          stale ? (
            <Button data-testid="review-reload" onClick={onReload}>
              {t('common.reload')}
            </Button>
          ) : undefined
        }
      />
      <Field
        label={{ children: t('review.technicalLabel'), id: technicalId }}
        hint={t('review.technicalHint')}
      >
        <RadioGroup
          value={technical}
          aria-labelledby={technicalId}
          onChange={(_event, data) => setTechnical(data.value as TechnicalValidation)}
        >
          {TECHNICAL_VALIDATIONS.map((value) => (
            <Radio
              key={value}
              value={value}
              label={labels.technical[value]}
              data-testid={`review-technical-${value}`}
            />
          ))}
        </RadioGroup>
      </Field>
      <Field hint={t('review.revenueHint')}>
        <Checkbox
          label={t('review.revenueVerified')}
          checked={revenueVerified}
          onChange={(_event, data) => setRevenueVerified(data.checked === true)}
          data-testid="review-revenue-verified"
        />
      </Field>
      <Field
        label={t('review.report')}
        hint={t('review.reportHint')}
        validationMessage={reportMessage}
      >
        <Textarea
          ref={reportRef}
          value={report}
          maxLength={REPORT_MAX}
          resize="vertical"
          rows={6}
          data-testid="review-report"
          onChange={(_event, data) => {
            setReport(data.value);
            if (data.value.trim() !== '') setReportMissing(false);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<CheckmarkRegular />}
          disabled={busy}
          onClick={() => void decide('approve')}
          data-testid="review-approve"
        >
          {t('review.approve')}
        </Button>
        <Button
          icon={<DismissRegular />}
          disabled={busy}
          onClick={() => void decide('reject')}
          data-testid="review-reject"
        >
          {t('review.reject')}
        </Button>
      </div>
    </form>
  );
}
