import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../components/use-document-title';
import { ReviewDetailView } from './review/review-detail';
import { ReviewList } from './review/review-list';
import { parseSubmissionParam } from './review/review-params';

/**
 * The vendor's review queue (reviewers and program admins): the list of submissions, and one
 * submission with the decision form when `?submission=<organisationId>:<submissionId>` names it.
 */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const submission = parseSubmissionParam(params.get('submission'));
  useDocumentTitle(t('reviewQueue.title'));
  if (submission) {
    return (
      <ReviewDetailView
        key={`${submission.organisationId}:${submission.submissionId}`}
        submission={submission}
      />
    );
  }
  return (
    <>
      <PageHeader title={t('reviewQueue.title')} description={t('reviewQueue.description')} />
      <ReviewList />
    </>
  );
}
