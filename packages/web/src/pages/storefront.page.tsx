import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  SearchBox,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { BuildingShopRegular, GlobeRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call, type ClientProblem, type OfferTypeId } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ProblemBar } from '../components/problem-bar';
import { RouterLink } from '../components/router-link';
import { useDocumentTitle } from '../components/use-document-title';
import { currentLocale } from '../i18n/i18n';
import { sortedCountries } from './offers/countries';
import { useVocabularyLabels } from './offers/labels';
import { OFFER_TYPE_IDS } from './offers/vocabulary';
import {
  isStorefrontBadge,
  readQuery,
  STOREFRONT_BADGES,
  writeQuery,
  type Query,
} from './storefront/storefront-query';
import {
  ListingBadge,
  marketNames,
  useBadgeLabels,
  type StorefrontListing,
} from './storefront/listing-parts';

const PAGE_SIZE = 12;
/** Markets a card names before "+n". */
const MARKETS_SHOWN = 3;

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  search: { maxWidth: '640px', width: '100%' },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  // The Field is a grid: let its column shrink below the longest option of the native select.
  select: {
    flex: '1 1 220px',
    minWidth: 0,
    maxWidth: '320px',
    gridTemplateColumns: 'minmax(0, 1fr)',
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  summaryLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  grid: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(280px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  card: {
    height: '100%',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  name: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  publisher: { color: tokens.colorNeutralForeground2 },
  summary: {
    margin: 0,
    color: tokens.colorNeutralForeground1,
    display: '-webkit-box',
    WebkitLineClamp: '3',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
  markets: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    marginTop: 'auto',
  },
  marketIcon: { flexShrink: 0, marginTop: '2px' },
});

/**
 * The public storefront: live offers with their public facts and badges, searchable and
 * filtered by offer type, market and badge. Filters live in the address, so a search can be
 * shared and Back works.
 */
export default function StorefrontPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const vocabulary = useVocabularyLabels();
  const badgeLabels = useBadgeLabels();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [search, setSearch] = useState(query.search);
  const [result, setResult] = useState<{ items: StorefrontListing[]; total: number } | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  /** The address whose answer is on screen; a different one is loading. */
  const [shownKey, setShownKey] = useState<string | null>(null);
  useDocumentTitle(t('storefront.title'));
  const locale = currentLocale();
  const countries = useMemo(() => sortedCountries(locale), [locale]);

  // Merged into the address as it is now, not as it was when this render happened: the search
  // box writes 300 ms after the last key, and a badge ticked in between must not be undone.
  const update = (change: Partial<Query>) =>
    setParams(
      writeQuery({
        ...readQuery(new URLSearchParams(window.location.search)),
        offset: 0,
        ...change,
      }),
      { replace: true },
    );

  // Search as the visitor types, without a request per keystroke.
  useEffect(() => {
    if (search.trim() === query.search) return;
    const timer = window.setTimeout(() => update({ search: search.trim() }), 300);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text restarts the wait
  }, [search]);

  // A ticked badge shows at once, before the address (a router navigation) has caught up; the
  // address still decides, so Back/Forward and "Clear filters" show its badges.
  const [badges, setBadges] = useState(query.badges);
  const addressBadges = query.badges.join(',');
  const [shownBadges, setShownBadges] = useState(addressBadges);
  if (shownBadges !== addressBadges) {
    setShownBadges(addressBadges);
    setBadges(query.badges);
  }

  // Back/Forward and "Clear filters" change the address: show its search text.
  const [shownSearch, setShownSearch] = useState(query.search);
  if (shownSearch !== query.search) {
    setShownSearch(query.search);
    if (search.trim() !== query.search) setSearch(query.search);
  }

  const key = params.toString();
  useEffect(() => {
    const q = readQuery(new URLSearchParams(key));
    let cancelled = false;
    void call(
      api.GET('/api/storefront/offers', {
        params: {
          query: {
            limit: PAGE_SIZE,
            offset: q.offset,
            ...(q.search ? { search: q.search } : {}),
            ...(q.offerType ? { offerType: q.offerType } : {}),
            ...(q.market ? { market: q.market } : {}),
            ...(q.badges.length > 0 ? { badge: q.badges } : {}),
          },
        },
      }),
    ).then((answer) => {
      if (cancelled) return;
      setShownKey(key);
      if (!answer.ok) {
        setProblem(answer.problem);
        return;
      }
      setProblem(null);
      setResult(answer.data);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  const filtered =
    query.search !== '' || query.offerType !== '' || query.market !== '' || query.badges.length > 0;

  return (
    <>
      <PageHeader title={t('storefront.title')} description={t('storefront.lead')} />
      <div role="search" className={styles.filters} aria-label={t('storefront.filters')}>
        <SearchBox
          className={styles.search}
          size="large"
          value={search}
          aria-label={t('storefront.search')}
          placeholder={t('storefront.searchPlaceholder')}
          data-testid="storefront-search"
          onChange={(_event, data) => setSearch(data.value)}
        />
        <div className={styles.row}>
          <Field className={styles.select} label={t('storefront.offerType')}>
            <Select
              value={query.offerType}
              data-testid="storefront-type"
              onChange={(_event, data) => update({ offerType: data.value as OfferTypeId | '' })}
            >
              <option value="">{t('storefront.anyType')}</option>
              {OFFER_TYPE_IDS.map((id) => (
                <option key={id} value={id}>
                  {vocabulary.offerType[id]}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.select} label={t('storefront.market')}>
            <Select
              value={query.market}
              data-testid="storefront-market"
              onChange={(_event, data) => update({ market: data.value })}
            >
              <option value="">{t('storefront.anyMarket')}</option>
              {countries.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <fieldset className={styles.badges} style={{ border: 'none', margin: 0, padding: 0 }}>
            <legend className="visually-hidden">{t('storefront.badges')}</legend>
            {STOREFRONT_BADGES.map((badge) => (
              <Checkbox
                key={badge}
                label={badgeLabels[badge]}
                checked={badges.includes(badge)}
                data-testid={`storefront-filter-${badge}`}
                onChange={(_event, data) => {
                  const next = data.checked
                    ? [...badges, badge].filter(isStorefrontBadge)
                    : badges.filter((b) => b !== badge);
                  setBadges(next);
                  update({ badges: next });
                }}
              />
            ))}
          </fieldset>
        </div>
      </div>
      <ProblemBar problem={problem} />
      {result === null ? (
        problem ? null : (
          <Spinner label={t('common.loading')} />
        )
      ) : (
        <>
          <div className={styles.summaryLine}>
            <Text role="status" data-testid="storefront-total">
              {t('storefront.total', { total: result.total })}
            </Text>
            {shownKey !== key ? <Spinner size="tiny" /> : null}
            {filtered ? (
              <Button
                appearance="subtle"
                onClick={() => setParams(new URLSearchParams(), { replace: true })}
              >
                {t('storefront.clear')}
              </Button>
            ) : null}
          </div>
          {result.items.length === 0 ? (
            <EmptyState
              icon={<BuildingShopRegular />}
              title={filtered ? t('storefront.noMatchTitle') : t('storefront.emptyTitle')}
            >
              {filtered ? t('storefront.noMatchBody') : t('storefront.emptyBody')}
            </EmptyState>
          ) : (
            <ul className={styles.grid} aria-label={t('storefront.results')}>
              {result.items.map((item) => (
                <li key={item.offerId}>
                  <ListingCard
                    listing={item}
                    typeName={vocabulary.offerType[item.offerType]}
                    listAddress={key}
                  />
                </li>
              ))}
            </ul>
          )}
          <Pager
            offset={query.offset}
            limit={PAGE_SIZE}
            total={result.total}
            onChange={(offset) => {
              setParams(writeQuery({ ...query, offset }));
              window.scrollTo({ top: 0 });
            }}
          />
        </>
      )}
    </>
  );
}

function ListingCard({
  listing,
  typeName,
  listAddress,
}: {
  listing: StorefrontListing;
  typeName: string;
  /** The list's filters, carried to the offer page for its way back. */
  listAddress: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const markets = marketNames(listing.markets);
  const shown = markets.slice(0, MARKETS_SHOWN).join(', ');
  const more = markets.length - MARKETS_SHOWN;
  return (
    <article
      className={styles.card}
      data-testid={`storefront-card-${listing.offerId}`}
      data-badges={listing.badges.join(',')}
    >
      <h2 className={styles.name}>
        <RouterLink to={`/storefront/${listing.offerId}${listAddress ? `?${listAddress}` : ''}`}>
          {listing.name}
        </RouterLink>
      </h2>
      <Caption1 className={styles.publisher}>
        {t('storefront.by', { publisher: listing.publisherName })}
      </Caption1>
      <div>
        <Badge appearance="outline" color="informative">
          {typeName}
        </Badge>
      </div>
      <p className={styles.summary}>{listing.summary}</p>
      {listing.badges.length > 0 ? (
        <div className={styles.badges}>
          {listing.badges.map((badge) => (
            <ListingBadge key={badge} badge={badge} />
          ))}
        </div>
      ) : null}
      <Caption1 className={styles.markets}>
        <GlobeRegular
          className={styles.marketIcon}
          aria-label={t('storefront.markets')}
          role="img"
        />
        <span>{more > 0 ? t('storefront.marketsMore', { markets: shown, more }) : shown}</span>
      </Caption1>
    </article>
  );
}
