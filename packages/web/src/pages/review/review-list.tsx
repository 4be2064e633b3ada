import {
  Badge,
  Link,
  makeStyles,
  Spinner,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ClipboardTaskListLtrRegular } from '@fluentui/react-icons';
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call, type ClientProblem } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { formatDate } from '../../components/format';
import { Pager } from '../../components/pager';
import { ProblemBar } from '../../components/problem-bar';
import { Section, TableScroll } from '../../components/section';
import { NARROW_QUERY, useMediaQuery } from '../../components/use-media-query';
import { useVocabularyLabels } from '../offers/labels';
import { SubmissionStateBadge } from '../offers/publish-badges';
import { usePublishLabels } from '../offers/publish-labels';
import type { ReviewQueueItem } from '../offers/publish-types';
import { detailSearch, offsetOf, queueStateOf, type QueueState } from './review-params';

const PAGE_SIZE = 20;

const useStyles = makeStyles({
  table: { minWidth: '0' },
  offerCell: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', textAlign: 'start' },
  secondary: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  row: { cursor: 'pointer' },
  number: { fontVariantNumeric: 'tabular-nums' },
  partnerHead: { width: '22%' },
  typeHead: { width: '20%' },
  dateHead: { width: '14%' },
  ageHead: { width: '10%' },
  stateHead: { width: '14%' },
});

/** The queue: every partner's submissions, oldest first, open or decided. */
export function ReviewList() {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const publishLabels = usePublishLabels();
  const navigate = useNavigate();
  const narrow = useMediaQuery(NARROW_QUERY);
  const [params, setParams] = useSearchParams();
  const state = queueStateOf(params);
  const offset = offsetOf(params);
  const [page, setPage] = useState<{ items: ReviewQueueItem[]; total: number } | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/review/submissions', {
        params: { query: { state, limit: PAGE_SIZE, offset } },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setPage(result.data);
        setProblem(null);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [state, offset]);

  const update = (next: { state?: QueueState; offset?: number }) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        const nextState = next.state ?? state;
        if (nextState === 'open') copy.delete('state');
        else copy.set('state', nextState);
        const nextOffset = next.offset ?? 0;
        if (nextOffset > 0) copy.set('offset', String(nextOffset));
        else copy.delete('offset');
        return copy;
      },
      { replace: true },
    );

  const open = (item: ReviewQueueItem) =>
    void navigate(
      detailSearch(params, { organisationId: item.organisationId, submissionId: item.id }),
    );

  return (
    <Section title={t('review.listTitle')} description={t('review.listDescription')}>
      <TabList
        size="small"
        selectedValue={state}
        aria-label={t('review.show')}
        onTabSelect={(_event, data) => update({ state: data.value as QueueState })}
      >
        <Tab value="open" data-testid="review-tab-open">
          {t('review.open')}
        </Tab>
        <Tab value="decided" data-testid="review-tab-decided">
          {t('review.decided')}
        </Tab>
      </TabList>
      <ProblemBar problem={problem} />
      {page === null ? (
        problem ? null : (
          <Spinner size="small" label={t('common.loading')} />
        )
      ) : page.items.length === 0 ? (
        <EmptyState
          icon={<ClipboardTaskListLtrRegular />}
          title={state === 'open' ? t('reviewQueue.emptyTitle') : t('review.noneDecided')}
          headingLevel="h3"
        >
          {state === 'open' ? t('reviewQueue.emptyBody') : null}
        </EmptyState>
      ) : (
        <>
          <TableScroll>
            <Table className={styles.table} aria-label={t('review.listTitle')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('review.offer')}</TableHeaderCell>
                  {narrow ? null : (
                    <>
                      <TableHeaderCell className={styles.partnerHead}>
                        {t('review.partner')}
                      </TableHeaderCell>
                      <TableHeaderCell className={styles.typeHead}>
                        {t('review.type')}
                      </TableHeaderCell>
                      <TableHeaderCell className={styles.dateHead}>
                        {t('review.submitted')}
                      </TableHeaderCell>
                      <TableHeaderCell className={styles.ageHead}>
                        {t('review.age')}
                      </TableHeaderCell>
                    </>
                  )}
                  <TableHeaderCell className={narrow ? undefined : styles.stateHead}>
                    {state === 'open' ? t('review.state') : t('review.decisionColumn')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.items.map((item) => {
                  // Counted by the server on the program clock, which may run ahead of real time.
                  const age = item.ageDays;
                  const href = detailSearch(params, {
                    organisationId: item.organisationId,
                    submissionId: item.id,
                  });
                  return (
                    <TableRow
                      key={item.id}
                      className={styles.row}
                      data-testid={`review-row-${item.id}`}
                      onClick={(event: MouseEvent) => {
                        // The link inside handles its own clicks (and keyboard use).
                        if ((event.target as HTMLElement).closest('a')) return;
                        open(item);
                      }}
                    >
                      <TableCell>
                        <span className={styles.offerCell}>
                          <Link
                            href={href}
                            className={styles.name}
                            onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                              if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
                              event.preventDefault();
                              open(item);
                            }}
                          >
                            {item.offerName}
                          </Link>
                          {narrow ? (
                            <Text size={200} className={styles.secondary}>
                              {item.organisationName} · {labels.offerType[item.offerType]} ·{' '}
                              {t('review.ageDays', { count: age })}
                            </Text>
                          ) : item.offerWasLive ? (
                            <Text size={200} className={styles.secondary}>
                              {t('review.update')}
                            </Text>
                          ) : null}
                        </span>
                      </TableCell>
                      {narrow ? null : (
                        <>
                          <TableCell>{item.organisationName}</TableCell>
                          <TableCell>{labels.offerType[item.offerType]}</TableCell>
                          <TableCell>{formatDate(item.submittedAt)}</TableCell>
                          <TableCell className={styles.number}>{age}</TableCell>
                        </>
                      )}
                      <TableCell>
                        {state === 'decided' && item.review ? (
                          <Badge
                            appearance="tint"
                            color={item.review.decision === 'approve' ? 'success' : 'danger'}
                          >
                            {publishLabels.decision[item.review.decision]}
                          </Badge>
                        ) : (
                          <SubmissionStateBadge state={item.state} />
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableScroll>
          <Pager
            offset={offset}
            limit={PAGE_SIZE}
            total={page.total}
            onChange={(next) => update({ offset: next })}
          />
        </>
      )}
    </Section>
  );
}
