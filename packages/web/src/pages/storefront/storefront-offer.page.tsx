import { Badge, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, BuildingShopRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call, type ClientProblem } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ProblemBar } from '../../components/problem-bar';
import { RouterLink } from '../../components/router-link';
import { Section } from '../../components/section';
import { useDocumentTitle } from '../../components/use-document-title';
import { useVocabularyLabels } from '../offers/labels';
import { usePolicyLabels } from '../program/policy-labels';
import { ContactForm } from './contact-form';
import { ListingBadge, marketNames, type StorefrontListing } from './listing-parts';
import { readQuery, writeQuery } from './storefront-query';

const useStyles = makeStyles({
  back: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  summary: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere', maxWidth: '72ch' },
  lead: { fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0 },
  markets: {
    margin: 0,
    paddingInlineStart: '1.25em',
    columnWidth: '180px',
    columnGap: tokens.spacingHorizontalXL,
  },
});

/**
 * One live offer of the storefront: what it does, its publisher, badges and markets, and "Contact me" for the publisher. The list's filters ride along in the address, so
 * "All offers" returns to the same search.
 */
export default function StorefrontOfferPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const vocabulary = useVocabularyLabels();
  const policy = usePolicyLabels();
  const { offerId = '' } = useParams();
  const [params] = useSearchParams();
  const listAddress = writeQuery(readQuery(params)).toString();
  const [answer, setAnswer] = useState<{
    offerId: string;
    listing: StorefrontListing | null;
    problem: ClientProblem | null;
  } | null>(null);
  // Another offer's answer is not this page's (while the next one loads).
  const current = answer?.offerId === offerId ? answer : null;
  const listing = current?.listing ?? null;
  const problem = current?.problem ?? null;
  useDocumentTitle(listing?.name ?? t('storefront.title'));

  useEffect(() => {
    let cancelled = false;
    void call(api.GET('/api/storefront/offers/{offerId}', { params: { path: { offerId } } })).then(
      (result) => {
        if (cancelled) return;
        setAnswer(
          result.ok
            ? { offerId, listing: result.data, problem: null }
            : { offerId, listing: null, problem: result.problem },
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [offerId]);

  const back = (
    <div className={styles.back}>
      <ArrowLeftRegular aria-hidden />
      <RouterLink to={listAddress ? `/storefront?${listAddress}` : '/storefront'}>
        {t('storefront.back')}
      </RouterLink>
    </div>
  );

  // An unknown id, or one that is not a UUID at all, is simply not in the storefront.
  if (problem && (problem.status === 404 || problem.status === 400)) {
    return (
      <>
        {back}
        <EmptyState icon={<BuildingShopRegular />} title={t('storefront.notFoundTitle')}>
          {t('storefront.notFoundBody')}
        </EmptyState>
      </>
    );
  }

  if (!listing) {
    return (
      <>
        {back}
        <ProblemBar problem={problem} />
        {problem ? null : <Spinner label={t('common.loading')} />}
      </>
    );
  }

  const markets = marketNames(listing.markets);
  return (
    <>
      {back}
      <PageHeader
        title={listing.name}
        description={t('storefront.by', { publisher: listing.publisherName })}
      />
      <Section title={t('storefront.about')} testId={`storefront-offer-${listing.offerId}`}>
        <p className={`${styles.summary} ${styles.lead}`}>{listing.summary}</p>
        {listing.description ? (
          <p className={styles.summary} data-testid="storefront-description">
            {listing.description}
          </p>
        ) : null}
        <dl className={styles.facts}>
          <div>
            <dt className={styles.term}>{t('storefront.publisher')}</dt>
            <dd className={styles.value}>{listing.publisherName}</dd>
          </div>
          <div>
            <dt className={styles.term}>{t('storefront.offerType')}</dt>
            <dd className={styles.value}>{vocabulary.offerType[listing.offerType]}</dd>
          </div>
          <div>
            <dt className={styles.term}>{t('storefront.cosellStatus')}</dt>
            <dd className={styles.value}>
              <Badge appearance="tint" color="brand">
                {policy.status[listing.cosellStatus]}
              </Badge>
            </dd>
          </div>
          <div>
            <dt className={styles.term}>{t('storefront.published')}</dt>
            <dd className={styles.value}>{formatDate(listing.publishedAt)}</dd>
          </div>
          <div>
            <dt className={styles.term}>{t('storefront.badges')}</dt>
            <dd className={styles.value} data-badges={listing.badges.join(',')}>
              {listing.badges.length > 0 ? (
                listing.badges.map((badge) => <ListingBadge key={badge} badge={badge} />)
              ) : (
                <Text>{t('storefront.noBadges')}</Text>
              )}
            </dd>
          </div>
        </dl>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('storefront.marketsCount', { count: markets.length })}
        </Subtitle2>
        <ul className={styles.markets}>
          {markets.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </Section>
      <Section
        title={t('storefront.contact.title')}
        description={t('storefront.contact.lead', { publisher: listing.publisherName })}
        testId="storefront-contact"
      >
        <ContactForm offerId={listing.offerId} publisher={listing.publisherName} />
      </Section>
    </>
  );
}
