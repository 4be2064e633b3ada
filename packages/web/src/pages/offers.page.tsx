import {
  Badge,
  Body1,
  Button,
  makeStyles,
  SearchBox,
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
import {
  AddRegular,
  ArchiveRegular,
  ArrowUndoRegular,
  BoxMultipleRegular,
} from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call, type ClientProblem, type OfferListItem } from '../api/client';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState } from '../components/empty-state';
import { formatDate } from '../components/format';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ProblemBar } from '../components/problem-bar';
import { RouterLink } from '../components/router-link';
import { Section, TableScroll } from '../components/section';
import { useNotify } from '../components/toast';
import { useDocumentTitle } from '../components/use-document-title';
import { NARROW_QUERY, useMediaQuery } from '../components/use-media-query';
import { hasPermission } from '../domain/tenant';
import { useSignedIn } from '../session/session-context';
import { CreateOfferDialog } from './offers/create-offer-dialog';
import { useVocabularyLabels } from './offers/labels';
import { CosellStatusBadge } from './offers/cosell-status-badge';
import { LifecycleBadge } from './offers/offer-badges';
import { PublishStatusBadge } from './offers/publish-badges';
import {
  nextSort,
  OFFERS_PAGE_SIZE,
  parseListQuery,
  toApiQuery,
  toSearchParams,
  type ListQuery,
  type SortField,
} from './offers/offer-list-query';

const PAGE_SIZE = OFFERS_PAGE_SIZE;

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  search: { minWidth: '0', flexGrow: 1, maxWidth: '360px', width: '100%' },
  nameCell: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  nameLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  secondary: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  statusCell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actionCell: { textAlign: 'end' },
  actionsHead: { width: '136px' },
  actionsHeadNarrow: { width: '48px' },
  nameHead: { width: '22%' },
  typeHead: { width: '17%' },
  narrowHead: { width: '11%' },
  statusHead: { width: '16%' },
  typeCell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  notEligible: { color: tokens.colorPaletteDarkOrangeForeground2 },
  empty: { color: tokens.colorNeutralForeground2 },
  number: { fontVariantNumeric: 'tabular-nums' },
});

/**
 * Where the offer stands: its co-sell status as its status page shows it (Co-sell ready, Azure
 * IP co-sell incentive…), and below it the publish status (Draft, Publish in progress,
 * Attention needed, Preview, Live) with "Stop sold" when the marketplace stopped selling it.
 */
function StatusBadges({ offer }: { offer: OfferListItem }) {
  const styles = useStyles();
  return (
    <span className={styles.statusCell}>
      <span className={styles.badges}>
        <CosellStatusBadge
          status={offer.cosellStatus}
          name={offer.cosellStatusName}
          size="medium"
          testId="offer-cosell-status"
        />
      </span>
      <span className={styles.badges}>
        <PublishStatusBadge status={offer.publishStatus} />
        {offer.lifecycleState === 'stop-sold' ? (
          <LifecycleBadge state={offer.lifecycleState} />
        ) : null}
      </span>
    </span>
  );
}

/** The partner's marketplace offers: search, sort, page, create, archive and restore. */
export default function OffersPage() {
  const { t } = useTranslation();
  const { active } = useSignedIn();
  useDocumentTitle(t('offers.title'));
  if (!active) return null;
  return (
    <OffersList
      key={active.organisation.id}
      organisationId={active.organisation.id}
      canWrite={hasPermission(active.roles, 'offers.write')}
    />
  );
}

function OffersList({ organisationId, canWrite }: { organisationId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const notify = useNotify();
  const navigate = useNavigate();
  const narrow = useMediaQuery(NARROW_QUERY);
  const [params, setParams] = useSearchParams();
  const query = parseListQuery(params);
  const [search, setSearch] = useState(query.search);
  const [page, setPage] = useState<{ items: OfferListItem[]; total: number } | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<OfferListItem | null>(null);
  const [reloads, setReloads] = useState(0);

  const update = (change: Partial<ListQuery>) =>
    setParams(toSearchParams({ ...query, offset: 0, ...change }), { replace: true });

  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    if (search.trim() === query.search) return;
    const timer = setTimeout(() => update({ search: search.trim() }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts a search
  }, [search]);

  const apiQuery = toApiQuery(query, PAGE_SIZE);
  const queryKey = JSON.stringify(apiQuery);
  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/offers', {
        params: { path: { organisationId }, query: JSON.parse(queryKey) as typeof apiQuery },
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
  }, [organisationId, queryKey, reloads]);

  const sortHeader = (field: SortField, label: string) => ({
    sortable: true,
    sortDirection:
      query.sort === field
        ? query.direction === 'asc'
          ? ('ascending' as const)
          : ('descending' as const)
        : undefined,
    onClick: () => update(nextSort(query, field)),
    children: label,
  });

  const newOfferButton = canWrite ? (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
      {t('offers.new')}
    </Button>
  ) : null;

  const nothingAtAll =
    page !== null && page.total === 0 && !query.search && query.archived === 'active';

  return (
    <>
      <PageHeader
        title={t('offers.title')}
        description={t('offers.description')}
        actions={nothingAtAll ? undefined : newOfferButton}
      />
      <ProblemBar problem={problem} />
      {nothingAtAll ? (
        <EmptyState
          icon={<BoxMultipleRegular />}
          title={t('offers.emptyTitle')}
          actions={newOfferButton}
        >
          {canWrite ? t('offers.emptyBody') : t('offers.emptyBodyReadOnly')}
        </EmptyState>
      ) : (
        <Section title={t('offers.listTitle')}>
          <div className={styles.toolbar}>
            <TabList
              size="small"
              selectedValue={query.archived}
              aria-label={t('offers.show')}
              onTabSelect={(_event, data) =>
                update({ archived: data.value as ListQuery['archived'] })
              }
            >
              <Tab value="active">{t('offers.showActive')}</Tab>
              <Tab value="archived">{t('offers.showArchived')}</Tab>
              <Tab value="all">{t('offers.showAll')}</Tab>
            </TabList>
            <SearchBox
              className={styles.search}
              aria-label={t('offers.search')}
              placeholder={t('offers.search')}
              value={search}
              onChange={(_event, data) => setSearch(data.value)}
            />
          </div>
          {page === null ? (
            problem ? null : (
              <Spinner size="small" label={t('common.loading')} />
            )
          ) : page.items.length === 0 ? (
            <Body1 className={styles.empty}>
              {query.search
                ? t('offers.noMatch', { search: query.search })
                : query.archived === 'archived'
                  ? t('offers.noArchived')
                  : t('offers.noneShown')}
            </Body1>
          ) : (
            <>
              <TableScroll>
                <Table
                  aria-label={t('offers.listTitle')}
                  size={narrow ? 'small' : 'medium'}
                  sortable
                >
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell
                        className={narrow ? undefined : styles.nameHead}
                        {...sortHeader('name', t('offers.name'))}
                      />
                      {narrow ? null : (
                        <>
                          <TableHeaderCell {...sortHeader('alias', t('offers.alias'))} />
                          <TableHeaderCell
                            className={styles.typeHead}
                            {...sortHeader('offerType', t('offers.type'))}
                          />
                          <TableHeaderCell className={styles.statusHead}>
                            {t('offers.lifecycle')}
                          </TableHeaderCell>
                          <TableHeaderCell className={styles.narrowHead}>
                            {t('offers.markets')}
                          </TableHeaderCell>
                          <TableHeaderCell {...sortHeader('updatedAt', t('offers.updated'))} />
                        </>
                      )}
                      {canWrite ? (
                        <TableHeaderCell
                          className={narrow ? styles.actionsHeadNarrow : styles.actionsHead}
                        >
                          <span className="visually-hidden">{t('common.actions')}</span>
                        </TableHeaderCell>
                      ) : null}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {page.items.map((offer) => (
                      <TableRow key={offer.id}>
                        <TableCell>
                          <span className={styles.nameCell}>
                            <span className={styles.nameLine}>
                              <RouterLink to={`/offers/${offer.id}`} className={styles.name}>
                                {offer.name}
                              </RouterLink>
                              {offer.archivedAt ? (
                                <Badge appearance="tint" color="subtle">
                                  {t('offers.archived')}
                                </Badge>
                              ) : null}
                            </span>
                            {narrow ? (
                              <>
                                <Text size={200} className={styles.secondary}>
                                  {offer.alias} · {labels.offerType[offer.offerType]}
                                </Text>
                                <span className={styles.badges}>
                                  <StatusBadges offer={offer} />
                                </span>
                              </>
                            ) : null}
                          </span>
                        </TableCell>
                        {narrow ? null : (
                          <>
                            <TableCell>{offer.alias}</TableCell>
                            <TableCell>
                              <span className={styles.typeCell}>
                                {labels.offerType[offer.offerType]}
                                {offer.cosellEligible ? null : (
                                  <Text size={200} className={styles.notEligible}>
                                    {t('offers.notEligible')}
                                  </Text>
                                )}
                              </span>
                            </TableCell>
                            <TableCell>
                              <span className={styles.badges}>
                                <StatusBadges offer={offer} />
                              </span>
                            </TableCell>
                            <TableCell className={styles.number}>{offer.markets.length}</TableCell>
                            <TableCell>{formatDate(offer.updatedAt)}</TableCell>
                          </>
                        )}
                        {canWrite ? (
                          <TableCell className={styles.actionCell}>
                            <Button
                              size="small"
                              appearance="subtle"
                              icon={offer.archivedAt ? <ArrowUndoRegular /> : <ArchiveRegular />}
                              aria-label={
                                offer.archivedAt
                                  ? t('offers.restoreOffer', { name: offer.name })
                                  : t('offers.archiveOffer', { name: offer.name })
                              }
                              onClick={() => setArchiving(offer)}
                            >
                              {narrow
                                ? null
                                : offer.archivedAt
                                  ? t('offers.restore')
                                  : t('offers.archive')}
                            </Button>
                          </TableCell>
                        ) : null}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
              <Pager
                offset={query.offset}
                limit={PAGE_SIZE}
                total={page.total}
                onChange={(offset) => update({ offset })}
              />
            </>
          )}
        </Section>
      )}
      {creating ? (
        <CreateOfferDialog
          organisationId={organisationId}
          onClose={() => setCreating(false)}
          onCreated={(offer) => {
            setCreating(false);
            notify(t('offers.created', { name: offer.name }));
            void navigate(`/offers/${offer.id}`);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={archiving !== null}
        title={archiving?.archivedAt ? t('offers.restoreTitle') : t('offers.archiveTitle')}
        confirmLabel={archiving?.archivedAt ? t('offers.restore') : t('offers.archive')}
        onClose={() => setArchiving(null)}
        onConfirm={async () => {
          if (!archiving) return null;
          const path = { organisationId, offerId: archiving.id };
          const result = await call(
            archiving.archivedAt
              ? api.POST('/api/organisations/{organisationId}/offers/{offerId}/restore', {
                  params: { path },
                })
              : api.POST('/api/organisations/{organisationId}/offers/{offerId}/archive', {
                  params: { path },
                }),
          );
          if (!result.ok) return result.problem;
          notify(
            archiving.archivedAt
              ? t('offers.restored', { name: archiving.name })
              : t('offers.archivedToast', { name: archiving.name }),
          );
          setReloads((n) => n + 1);
          return null;
        }}
      >
        {archiving
          ? archiving.archivedAt
            ? t('offers.restoreBody', { name: archiving.name })
            : t('offers.archiveBody', { name: archiving.name })
          : null}
      </ConfirmDialog>
    </>
  );
}
