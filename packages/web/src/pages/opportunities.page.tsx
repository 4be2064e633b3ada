import {
  Body1,
  Button,
  Caption1,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Option,
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
  BookmarkRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
  DismissRegular,
  HandshakeRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import type { DealKind, Referral, SalesStage } from '@cosell/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ClientProblem } from '../api/client';
import { useDiscardGuard, useFormChanged } from '../components/discard-prompt';
import { EmptyState } from '../components/empty-state';
import { formatDate } from '../components/format';
import { PageHeader } from '../components/page-header';
import { ProblemBar } from '../components/problem-bar';
import { RouterLink } from '../components/router-link';
import { Section, TableScroll } from '../components/section';
import { useDocumentTitle } from '../components/use-document-title';
import { NARROW_QUERY, useMediaQuery } from '../components/use-media-query';
import { currentLocale } from '../i18n/i18n';
import { useSignedIn } from '../session/session-context';
import { countryName, sortedCountries } from './offers/countries';
import {
  getReferralOptions,
  listReferrals,
  type ReferralOptions,
  type ReferralPage,
} from './opportunities/api';
import { formatMoney } from './opportunities/format';
import { labelOf, useReferralLabels } from './opportunities/labels';
import {
  daysUntilExpiry,
  DEFAULT_QUERY,
  filterSetOf,
  hasLocalFilters,
  isFiltered,
  matchesLocalFilters,
  nextSort,
  parseWorkspaceQuery,
  skipTokenOf,
  STATUS_FILTERS,
  toListParams,
  toSearchParams,
  type SortField,
  type StatusFilter,
  type Tab as WorkspaceTab,
  type WorkspaceQuery,
} from './opportunities/list-query';
import {
  loadSavedViews,
  storeSavedViews,
  withView,
  type SavedView,
} from './opportunities/saved-views';
import { StatusBadge } from './opportunities/status-badge';

const PAGE_SIZE = 20;

/** Every stage name of both stage lists, in order, once. */
const ALL_STAGES: readonly (SalesStage | string)[] = [
  'Created',
  'Accepted',
  'Qualified',
  'Developed',
  'Proposed',
  'Negotiated',
  'Secure customer LOE',
  'Collect data',
  'Prepare assessment report',
  'Present to customer',
  'Won',
];

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  filterActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Fluent's pickers ask for 250px; in the filter grid they take the column's width.
  picker: { minWidth: '0', width: '100%' },
  pickerInput: { minWidth: '0', width: '100%' },
  search: { minWidth: '0', flexGrow: 1, maxWidth: '360px', width: '100%' },
  nameCell: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  secondary: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  statusCell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  expiring: { color: tokens.colorPaletteDarkOrangeForeground2 },
  number: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  empty: { color: tokens.colorNeutralForeground2 },
  pager: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

/** The co-sell workspace: inbound, outbound and favourite deals with filters and saved views. */
export default function OpportunitiesPage() {
  const { t } = useTranslation();
  const { active, session } = useSignedIn();
  useDocumentTitle(t('opportunities.title'));
  if (!active) return null;
  return (
    <Workspace
      key={active.organisation.id}
      organisationId={active.organisation.id}
      kind={active.organisation.kind}
      userId={session.user.id}
    />
  );
}

function Workspace({
  organisationId,
  kind,
  userId,
}: {
  organisationId: string;
  kind: string;
  userId: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useReferralLabels();
  const navigate = useNavigate();
  const narrow = useMediaQuery(NARROW_QUERY);
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const query = parseWorkspaceQuery(params);
  const [search, setSearch] = useState(query.search);
  const [loaded, setLoaded] = useState<{ key: string; page: ReferralPage } | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [options, setOptions] = useState<ReferralOptions | null>(null);
  const [views, setViews] = useState<SavedView[]>(() => loadSavedViews(userId));
  const [savingView, setSavingView] = useState(false);
  const countries = useMemo(() => sortedCountries(locale), [locale]);

  // Filters change the address with a history entry, so "Back" returns to the previous ones.
  const update = (change: Partial<WorkspaceQuery>, replace = false) =>
    setParams(toSearchParams({ ...query, pages: [], ...change }), { replace });

  useEffect(() => {
    if (search.trim() === query.search) return;
    const timer = setTimeout(() => update({ search: search.trim() }, true), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts a search
  }, [search]);

  // The address may change under the box (Back, a saved view): show what it says.
  const [shownSearch, setShownSearch] = useState(query.search);
  if (shownSearch !== query.search) {
    setShownSearch(query.search);
    setSearch(query.search);
  }

  useEffect(() => {
    let cancelled = false;
    void getReferralOptions(organisationId).then((result) => {
      if (!cancelled && result.ok) setOptions(result.data);
    });
    return () => {
      cancelled = true;
    };
  }, [organisationId]);

  const listKey = JSON.stringify(toListParams(query, PAGE_SIZE));
  useEffect(() => {
    let cancelled = false;
    void listReferrals(organisationId, JSON.parse(listKey) as ReturnType<typeof toListParams>).then(
      (result) => {
        if (cancelled) return;
        if (result.ok) {
          setLoaded({ key: listKey, page: result.data });
          setProblem(null);
        } else {
          setProblem(result.problem);
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [organisationId, listKey]);
  // The page of another query is not shown while this one loads.
  const page = loaded?.key === listKey ? loaded.page : null;

  const filters = filterSetOf(query);
  const rows = (page?.value ?? []).filter((referral) => matchesLocalFilters(referral, filters));
  const nextToken = skipTokenOf(page?.['@odata.nextLink']);
  const now = new Date();
  const filtered = isFiltered(query);

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

  const createLabel =
    kind === 'vendor' ? t('opportunities.sendCosell') : t('opportunities.newDeal');
  const createButton =
    options?.canCreate && kind !== 'reseller' ? (
      <Button
        appearance="primary"
        icon={<AddRegular />}
        onClick={() => void navigate('/opportunities/new')}
      >
        {createLabel}
      </Button>
    ) : null;

  const description =
    kind === 'vendor'
      ? t('opportunities.descriptionVendor')
      : kind === 'reseller'
        ? t('opportunities.descriptionReseller')
        : t('opportunities.descriptionPartner');

  const emptyText = (tab: WorkspaceTab) =>
    tab === 'favorites'
      ? t('opportunities.emptyFavorites')
      : tab === 'outbound'
        ? kind === 'vendor'
          ? t('opportunities.emptyOutboundVendor')
          : t('opportunities.emptyOutbound')
        : t('opportunities.emptyInbound');

  const applyView = (view: SavedView) => update({ ...view.filters });

  return (
    <>
      <PageHeader
        title={t('opportunities.title')}
        description={description}
        actions={createButton}
      />
      {options && !options.canCreate && options.reason && kind !== 'reseller' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('opportunities.cannotCreate', {
              reason: options.reason.message ?? t('opportunities.cannotCreateDefault'),
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <ProblemBar problem={problem} />
      <Section title={t('opportunities.listTitle')}>
        <div className={styles.toolbar}>
          <TabList
            selectedValue={query.tab}
            aria-label={t('opportunities.tabs')}
            onTabSelect={(_event, data) => update({ tab: data.value as WorkspaceTab })}
          >
            <Tab value="inbound">{t('opportunities.tab.inbound')}</Tab>
            <Tab value="outbound">{t('opportunities.tab.outbound')}</Tab>
            <Tab value="favorites">{t('opportunities.tab.favorites')}</Tab>
          </TabList>
          <SearchBox
            className={styles.search}
            aria-label={t('opportunities.search')}
            placeholder={t('opportunities.search')}
            value={search}
            onChange={(_event, data) => setSearch(data.value)}
          />
        </div>
        <div className={styles.filters} role="group" aria-label={t('opportunities.filters')}>
          <Field label={t('opportunities.filter.status')}>
            <Combobox
              className={styles.picker}
              input={{ className: styles.pickerInput }}
              multiselect
              placeholder={t('opportunities.filter.any')}
              selectedOptions={query.statuses}
              value={query.statuses.map((s) => labels.substatus[s]).join(', ')}
              onOptionSelect={(_event, data) =>
                update({ statuses: data.selectedOptions as StatusFilter[] })
              }
            >
              {STATUS_FILTERS.map((status) => (
                <Option key={status} value={status}>
                  {labels.substatus[status]}
                </Option>
              ))}
            </Combobox>
          </Field>
          <Field label={t('opportunities.filter.stage')}>
            <Dropdown
              className={styles.picker}
              placeholder={t('opportunities.filter.any')}
              selectedOptions={query.stage ? [query.stage] : []}
              value={query.stage ? labelOf(labels.stage, query.stage) : ''}
              onOptionSelect={(_event, data) => update({ stage: data.optionValue ?? '' })}
            >
              <Option value="">{t('opportunities.filter.any')}</Option>
              {ALL_STAGES.map((stage) => (
                <Option key={stage} value={stage}>
                  {labelOf(labels.stage, stage)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('opportunities.filter.dealKind')}>
            <Dropdown
              className={styles.picker}
              placeholder={t('opportunities.filter.any')}
              selectedOptions={query.dealKind ? [query.dealKind] : []}
              value={query.dealKind ? labelOf(labels.dealKind, query.dealKind) : ''}
              onOptionSelect={(_event, data) => update({ dealKind: data.optionValue ?? '' })}
            >
              <Option value="">{t('opportunities.filter.any')}</Option>
              {(Object.keys(labels.dealKind) as DealKind[]).map((dealKind) => (
                <Option key={dealKind} value={dealKind}>
                  {labels.dealKind[dealKind]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('opportunities.filter.solution')}>
            <Dropdown
              className={styles.picker}
              placeholder={t('opportunities.filter.any')}
              selectedOptions={query.solution ? [query.solution] : []}
              value={
                query.solution
                  ? (options?.solutions.find((s) => s.id === query.solution)?.name ??
                    query.solution)
                  : ''
              }
              onOptionSelect={(_event, data) => update({ solution: data.optionValue ?? '' })}
            >
              <Option value="">{t('opportunities.filter.any')}</Option>
              {(options?.solutions ?? []).map((solution) => (
                <Option key={solution.id} value={solution.id} text={solution.name}>
                  {solution.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('opportunities.filter.country')}>
            <Combobox
              className={styles.picker}
              input={{ className: styles.pickerInput }}
              placeholder={t('opportunities.filter.any')}
              selectedOptions={query.country ? [query.country] : []}
              defaultValue={query.country ? countryName(query.country, locale) : ''}
              key={query.country}
              onOptionSelect={(_event, data) => update({ country: data.optionValue ?? '' })}
            >
              <Option value="" text={t('opportunities.filter.any')}>
                {t('opportunities.filter.any')}
              </Option>
              {countries.map((country) => (
                <Option key={country.code} value={country.code} text={country.name}>
                  {country.name}
                </Option>
              ))}
            </Combobox>
          </Field>
          <Field label={t('opportunities.filter.closeFrom')}>
            <Input
              type="date"
              value={query.closeFrom}
              onChange={(_event, data) => update({ closeFrom: data.value }, true)}
            />
          </Field>
          <Field label={t('opportunities.filter.closeTo')}>
            <Input
              type="date"
              value={query.closeTo}
              onChange={(_event, data) => update({ closeTo: data.value }, true)}
            />
          </Field>
        </div>
        <div className={styles.filterActions}>
          {filtered ? (
            <Button
              icon={<DismissRegular />}
              onClick={() => update({ ...filterSetOf(DEFAULT_QUERY) })}
            >
              {t('opportunities.clearFilters')}
            </Button>
          ) : null}
          <Button icon={<SaveRegular />} disabled={!filtered} onClick={() => setSavingView(true)}>
            {t('opportunities.saveView')}
          </Button>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button icon={<BookmarkRegular />} disabled={views.length === 0}>
                {t('opportunities.savedViews')}
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {views.map((view) => (
                  <MenuItem key={view.name} onClick={() => applyView(view)}>
                    {view.name}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
        {hasLocalFilters(filters) ? (
          <Caption1 className={styles.secondary}>{t('opportunities.localFilterNote')}</Caption1>
        ) : null}
        {page === null ? (
          problem ? null : (
            <Spinner size="small" label={t('common.loading')} />
          )
        ) : rows.length === 0 ? (
          filtered ? (
            <Body1 className={styles.empty}>{t('opportunities.noMatch')}</Body1>
          ) : (
            <EmptyState
              icon={<HandshakeRegular />}
              title={t('opportunities.emptyTitle')}
              headingLevel="h3"
              actions={query.tab === 'favorites' ? null : createButton}
            >
              {emptyText(query.tab)}
            </EmptyState>
          )
        ) : (
          <TableScroll>
            <Table
              aria-label={t('opportunities.listTitle')}
              size={narrow ? 'small' : 'medium'}
              sortable
            >
              <TableHeader>
                <TableRow>
                  <TableHeaderCell
                    {...sortHeader('createdDateTime', t('opportunities.col.name'))}
                  />
                  {narrow ? null : (
                    <TableHeaderCell>{t('opportunities.col.customer')}</TableHeaderCell>
                  )}
                  <TableHeaderCell {...sortHeader('status', t('opportunities.col.status'))} />
                  {narrow ? null : (
                    <>
                      <TableHeaderCell>{t('opportunities.col.stage')}</TableHeaderCell>
                      <TableHeaderCell>{t('opportunities.col.value')}</TableHeaderCell>
                      <TableHeaderCell
                        {...sortHeader('closingDateTime', t('opportunities.col.closeDate'))}
                      />
                    </>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((referral) => (
                  <Row key={referral.id} referral={referral} narrow={narrow} now={now} />
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
        {page && (query.pages.length > 0 || nextToken) ? (
          <nav className={styles.pager} aria-label={t('pager.label')}>
            {page['@odata.count'] !== undefined ? (
              <Text>{t('opportunities.total', { count: page['@odata.count'] })}</Text>
            ) : null}
            <Button
              icon={<ChevronLeftRegular />}
              aria-label={t('pager.previous')}
              disabled={query.pages.length === 0}
              onClick={() =>
                setParams(toSearchParams({ ...query, pages: query.pages.slice(0, -1) }))
              }
            />
            <Button
              icon={<ChevronRightRegular />}
              aria-label={t('pager.next')}
              disabled={!nextToken}
              onClick={() =>
                nextToken &&
                setParams(toSearchParams({ ...query, pages: [...query.pages, nextToken] }))
              }
            />
          </nav>
        ) : null}
      </Section>
      {savingView ? (
        <SaveViewDialog
          onClose={() => setSavingView(false)}
          onSave={(name) => {
            const next = withView(views, { name, filters });
            setViews(next);
            storeSavedViews(userId, next);
            setSavingView(false);
          }}
        />
      ) : null}
    </>
  );
}

/** One deal of the list. */
function Row({ referral, narrow, now }: { referral: Referral; narrow: boolean; now: Date }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useReferralLabels();
  const locale = currentLocale();
  const days = daysUntilExpiry(referral, now);
  const customer = `${referral.customerProfile.name} · ${countryName(
    referral.customerProfile.address.country,
    locale,
  )}`;
  return (
    <TableRow>
      <TableCell>
        <span className={styles.nameCell}>
          <RouterLink to={`/opportunities/${referral.id}`} className={styles.name}>
            {referral.name}
          </RouterLink>
          <Text size={200} className={styles.secondary}>
            {labels.dealKind[referral.dealKind]}
            {narrow ? ` · ${customer}` : ''}
          </Text>
        </span>
      </TableCell>
      {narrow ? null : <TableCell>{customer}</TableCell>}
      <TableCell>
        <span className={styles.statusCell}>
          <StatusBadge referral={referral} />
          {days !== null ? (
            <Text size={200} className={styles.expiring}>
              {t('opportunities.expiresIn', { count: days })}
            </Text>
          ) : null}
        </span>
      </TableCell>
      {narrow ? null : (
        <>
          <TableCell>
            {referral.salesStage ? labelOf(labels.stage, referral.salesStage) : '—'}
          </TableCell>
          <TableCell className={styles.number}>
            {formatMoney(referral.details.dealValue, referral.details.currency, locale)}
          </TableCell>
          <TableCell>{formatDate(referral.details.closingDateTime)}</TableCell>
        </>
      )}
    </TableRow>
  );
}

function SaveViewDialog({
  onClose,
  onSave,
}: {
  onClose: () => void;
  onSave: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const guard = useDiscardGuard(useFormChanged(name), onClose);
  const invalid = touched && !name.trim();
  return (
    <Dialog open onOpenChange={guard.onOpenChange}>
      <DialogSurface>
        {guard.prompt}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (name.trim()) onSave(name.trim());
          }}
        >
          <DialogBody>
            <DialogTitle>{t('opportunities.saveViewTitle')}</DialogTitle>
            <DialogContent>
              <Field
                label={t('opportunities.viewName')}
                hint={t('opportunities.viewNameHint')}
                required
                validationMessage={invalid ? t('opportunities.viewNameRequired') : undefined}
              >
                <Input
                  value={name}
                  maxLength={80}
                  onChange={(_event, data) => setName(data.value)}
                  onBlur={() => setTouched(true)}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                {t('common.save')}
              </Button>
              <Button onClick={guard.requestClose}>{t('common.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
