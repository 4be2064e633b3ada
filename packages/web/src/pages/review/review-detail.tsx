import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, OpenRegular } from '@fluentui/react-icons';
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call, etagOf, type ClientProblem, type Taxonomy } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { formatDate, formatDateTime, formatFileSize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ProblemBar } from '../../components/problem-bar';
import { Section, TableScroll } from '../../components/section';
import { useNotify } from '../../components/toast';
import { useDocumentTitle } from '../../components/use-document-title';
import { currentLocale } from '../../i18n/i18n';
import { joinList } from '../../i18n/list';
import { CompareTable } from '../offers/compare-table';
import { useVocabularyLabels } from '../offers/labels';
import { SubmissionStateBadge } from '../offers/publish-badges';
import { usePublishLabels } from '../offers/publish-labels';
import type { ProgramProfile, ReviewDetail as Detail } from '../offers/publish-types';
import { useSnapshotFormat } from '../offers/snapshot-format';
import { StatusSummary, StatusTiers } from '../offers/status-view';
import { SubmissionOutcome } from '../offers/submission-progress';
import { DecisionForm } from './decision-form';
import { FactList } from './fact-list';
import { listSearch, type SubmissionRef } from './review-params';

const useStyles = makeStyles({
  back: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginBottom: tokens.spacingVerticalS,
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 360px',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { minWidth: 0, display: 'flex', flexDirection: 'column' },
  aside: {
    position: 'sticky',
    top: '64px',
    '@media (max-width: 1100px)': { position: 'static' },
  },
  bar: { marginBottom: tokens.spacingVerticalL },
  table: { minWidth: '480px' },
  cellText: { overflowWrap: 'anywhere' },
  external: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A link that opens in a new tab, without handing it this page (window.opener, referrer). */
function ExternalLink({
  href,
  children,
  label,
}: {
  href: string;
  children: string;
  label?: string;
}) {
  const styles = useStyles();
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={styles.external}
      aria-label={label}
    >
      {children}
      <OpenRegular aria-hidden />
    </Link>
  );
}

/** The facts of the partner's program profile the reviewer weighs (revenue, designations…). */
function ProfileFacts({ profile }: { profile: ProgramProfile }) {
  const { t } = useTranslation();
  const labels = usePublishLabels();
  const usd = (value: number) =>
    new Intl.NumberFormat(currentLocale(), {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    }).format(value);
  const yesNo = (value: boolean) => (value ? labels.yes : labels.no);
  const verified = (field: string) => {
    const provenance = profile.provenance[field];
    return provenance?.verifiedAt
      ? ` (${t('review.verifiedOn', { date: formatDate(provenance.verifiedAt) })})`
      : '';
  };
  const isvConnect = {
    none: t('review.isvConnectNone'),
    standard: t('review.isvConnectStandard'),
    premium: t('review.isvConnectPremium'),
  } satisfies Record<ProgramProfile['isvConnect'], string>;
  return (
    <FactList
      facts={[
        [t('review.profilePartnerId'), (profile.partnerId ?? '—') + verified('partnerId')],
        [t('review.profileMarketplace'), yesNo(profile.marketplaceAccountActive)],
        [t('review.profileBusiness'), yesNo(profile.businessProfileComplete)],
        [
          t('review.profileAcr'),
          usd(profile.azureConsumedRevenueUsd) + verified('azureConsumedRevenueUsd'),
        ],
        [
          t('review.profileBilled'),
          usd(profile.marketplaceBilledRevenueUsd) + verified('marketplaceBilledRevenueUsd'),
        ],
        [t('review.profileGold'), yesNo(profile.goldCompetency)],
        [
          t('review.profileDesignations'),
          profile.solutionsPartnerDesignations.length > 0
            ? joinList(profile.solutionsPartnerDesignations, currentLocale())
            : '—',
        ],
        [t('review.profileIsvConnect'), isvConnect[profile.isvConnect]],
      ]}
    />
  );
}

/**
 * One submission as the reviewer reads it: the submitted offer, listing, landing page,
 * documents (previewed in a new tab) and contacts, what changed, the partner's profile, the
 * status checklist, and the decision.
 */
export function ReviewDetailView({ submission }: { submission: SubmissionRef }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const publishLabels = usePublishLabels();
  const notify = useNotify();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [etag, setEtag] = useState<string | undefined>(undefined);
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [loads, setLoads] = useState(0);
  const format = useSnapshotFormat(taxonomy);
  useDocumentTitle(detail ? detail.snapshot.fields.name : t('reviewQueue.title'));

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/review/organisations/{organisationId}/submissions/{submissionId}', {
        params: { path: submission },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setDetail(result.data);
        setEtag(etagOf(result.response) ?? `"v${result.data.submission.version}"`);
        setProblem(null);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [submission, loads]);

  useEffect(() => {
    let cancelled = false;
    void call(api.GET('/api/program')).then((result) => {
      if (!cancelled && result.ok) setTaxonomy(result.data.taxonomy);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const back = listSearch(params);
  const backLink = (
    <Link
      href={back || '?'}
      className={styles.back}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
        event.preventDefault();
        void navigate({ search: back });
      }}
    >
      <ArrowLeftRegular aria-hidden />
      {t('review.backToQueue')}
    </Link>
  );

  if (!detail) {
    return (
      <>
        {backLink}
        {problem ? (
          problem.status === 404 ? (
            <EmptyState title={t('review.notFoundTitle')}>{t('review.notFoundBody')}</EmptyState>
          ) : (
            <ProblemBar problem={problem} />
          )
        ) : (
          <Spinner label={t('common.loading')} />
        )}
      </>
    );
  }

  const { snapshot, submission: sub } = detail;
  const { fields } = snapshot;
  const listing = snapshot.cosell.listing;
  const base = `/api/review/organisations/${encodeURIComponent(submission.organisationId)}/submissions/${encodeURIComponent(submission.submissionId)}/documents/`;
  const inReview = sub.state === 'in-review';

  return (
    <>
      {backLink}
      <PageHeader
        title={fields.name}
        description={t('review.detailDescription', {
          partner: detail.organisationName,
          type: labels.offerType[fields.offerType],
          date: formatDateTime(sub.submittedAt),
          count: detail.ageDays,
        })}
        actions={<SubmissionStateBadge state={sub.state} />}
      />
      {problem ? (
        <div className={styles.bar}>
          <ProblemBar problem={problem} />
        </div>
      ) : null}
      <div className={styles.layout}>
        <div className={styles.main}>
          <Section title={t('review.offerTitle')}>
            <FactList
              facts={[
                [t('review.partner'), detail.organisationName],
                [t('offerForm.alias'), fields.alias],
                [t('offerForm.offerType'), labels.offerType[fields.offerType]],
                [t('offerForm.summary'), fields.summary || '—'],
                [t('offerForm.description'), fields.description || '—'],
                [t('offerForm.markets'), format.list(fields.markets.map(format.country))],
                [
                  publishLabels.field.transactable ?? '',
                  publishLabels[fields.transactable ? 'yes' : 'no'],
                ],
                [
                  publishLabels.field.pricedAboveZero ?? '',
                  publishLabels[fields.pricedAboveZero ? 'yes' : 'no'],
                ],
                [publishLabels.field.cspOptIn ?? '', publishLabels[fields.cspOptIn ? 'yes' : 'no']],
                [
                  t('review.submittedSections'),
                  joinList(
                    sub.sections.map((s) => publishLabels.part[s]),
                    currentLocale(),
                  ),
                ],
                [t('review.kind'), sub.offerWasLive ? t('review.update') : t('review.newOffer')],
              ]}
            />
          </Section>
          <Section title={t('listing.title')}>
            <FactList
              facts={[
                [t('listing.platforms'), format.list(listing.platforms.map(format.platform))],
                [t('listing.segments'), format.list(listing.segments.map(format.segment))],
                [t('listing.solutionType'), format.solutionType(listing.solutionType)],
                [t('listing.solutionAreas'), format.solutionAreas(listing.solutionAreas)],
              ]}
            />
          </Section>
          <Section title={t('landingPage.title')}>
            {snapshot.cosell.landingPageUrl ? (
              <Text>
                <ExternalLink href={snapshot.cosell.landingPageUrl}>
                  {snapshot.cosell.landingPageUrl}
                </ExternalLink>
              </Text>
            ) : (
              <Text className={styles.muted}>{t('review.noLandingPage')}</Text>
            )}
          </Section>
          <Section title={t('documents.title')} testId="review-documents">
            {snapshot.documents.length === 0 ? (
              <Text className={styles.muted}>{t('review.noDocuments')}</Text>
            ) : (
              <TableScroll>
                <Table size="small" className={styles.table} aria-label={t('documents.title')}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('review.documentName')}</TableHeaderCell>
                      <TableHeaderCell>{t('review.documentKind')}</TableHeaderCell>
                      <TableHeaderCell>{t('review.documentSize')}</TableHeaderCell>
                      <TableHeaderCell>
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {snapshot.documents.map((document) => (
                      <TableRow key={document.id}>
                        <TableCell className={styles.cellText}>{document.fileName}</TableCell>
                        <TableCell>{labels.documentKind[document.kind]}</TableCell>
                        <TableCell>{formatFileSize(document.sizeBytes)}</TableCell>
                        <TableCell>
                          <ExternalLink
                            href={base + encodeURIComponent(document.id)}
                            label={t('review.previewDocument', { name: document.fileName })}
                          >
                            {t('review.preview')}
                          </ExternalLink>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            )}
          </Section>
          <Section title={t('contacts.title')} testId="review-contacts">
            {snapshot.contacts.length === 0 ? (
              <Text className={styles.muted}>{t('review.noContacts')}</Text>
            ) : (
              <TableScroll>
                <Table size="small" className={styles.table} aria-label={t('contacts.title')}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('contacts.name')}</TableHeaderCell>
                      <TableHeaderCell>{t('contacts.email')}</TableHeaderCell>
                      <TableHeaderCell>{t('contacts.roleAndTitle')}</TableHeaderCell>
                      <TableHeaderCell>{t('contacts.countries')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {snapshot.contacts.map((contact) => (
                      <TableRow key={`${contact.email}:${contact.role}`}>
                        <TableCell className={styles.cellText}>{contact.name}</TableCell>
                        <TableCell className={styles.cellText}>{contact.email}</TableCell>
                        <TableCell className={styles.cellText}>
                          {format.contactRole(contact.role)}
                          {contact.jobTitle ? ` · ${contact.jobTitle}` : ''}
                        </TableCell>
                        <TableCell className={styles.cellText}>
                          {format.list(contact.countries.map(format.country))}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            )}
          </Section>
          <Section
            title={t('review.changesTitle')}
            description={sub.offerWasLive ? t('review.changesLive') : t('review.changesNew')}
          >
            <CompareTable changes={detail.changes} taxonomy={taxonomy} />
          </Section>
          <Section title={t('review.profileTitle')}>
            <ProfileFacts profile={detail.profile} />
          </Section>
          <Section title={t('status.title')} description={t('review.statusDescription')}>
            <StatusSummary status={detail.status} />
            <StatusTiers status={detail.status} reviewer />
          </Section>
        </div>
        <div className={styles.aside}>
          <Section title={t('review.decisionTitle')} testId="review-decision">
            {inReview ? (
              <DecisionForm
                key={sub.version}
                submission={submission}
                etag={etag}
                onReload={() => setLoads((n) => n + 1)}
                onDecided={(decision) => {
                  notify(
                    decision === 'approve'
                      ? t('review.approvedToast', { name: fields.name })
                      : t('review.rejectedToast', { name: fields.name }),
                  );
                  void navigate({ search: back });
                }}
              />
            ) : (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>
                    {t('review.notInReview', { state: publishLabels.submissionState[sub.state] })}
                  </MessageBarTitle>
                  <SubmissionOutcome submission={sub} />
                </MessageBarBody>
              </MessageBar>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
