import {
  Badge,
  Button,
  makeStyles,
  SearchBox,
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
import {
  ArrowUploadRegular,
  DocumentTableArrowRightRegular,
  EditRegular,
} from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem } from '../../api/client';
import { formatDate } from '../../components/format';
import { ImportErrorsDialog } from '../../components/import-errors-dialog';
import { Pager } from '../../components/pager';
import { ProblemBar } from '../../components/problem-bar';
import { Section, TableScroll } from '../../components/section';
import { useNotify } from '../../components/toast';
import {
  formatUsd,
  PARTNER_FIELDS,
  useProfileLabels,
  type ProgramProfile,
} from '../settings/profile-fields';
import { importProfiles } from './profile-import';
import { ProfileDialog } from './profile-dialog';

const PAGE_SIZE = 20;

interface Row {
  organisationId: string;
  organisationName: string;
  profile: ProgramProfile;
}

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  search: { flexGrow: 1, minWidth: '200px', maxWidth: '360px' },
  number: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  partnerId: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Partner profiles for reviewers and program admins: a searchable table; program admins edit a
 * profile in a dialog, download the CSV template and import the vendor's figures from a CSV.
 */
export function ProfilesSection({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useProfileLabels();
  const notify = useNotify();
  const fileInput = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: Row[]; total: number } | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [loads, setLoads] = useState(0);
  const [editing, setEditing] = useState<Row | null>(null);
  const [importing, setImporting] = useState(false);
  const [refused, setRefused] = useState<{ fileName: string; problem: ClientProblem } | null>(null);

  // Search as the admin types, without a request per keystroke.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(search.trim());
      setOffset(0);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/program/profiles', {
        params: { query: { limit: PAGE_SIZE, offset, ...(query ? { search: query } : {}) } },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setProblem(result.problem);
        return;
      }
      setProblem(null);
      setPage(result.data);
    });
    return () => {
      cancelled = true;
    };
  }, [query, offset, loads]);

  const importFile = async (file: File | undefined) => {
    if (!file || importing) return;
    setImporting(true);
    const result = await importProfiles(file);
    setImporting(false);
    if (result.ok) {
      notify(t('profile.imported', { rows: result.data.rows, updated: result.data.updated }));
      setLoads((n) => n + 1);
    } else if (result.problem.status === 400 || result.problem.status === 413)
      setRefused({ fileName: file.name, problem: result.problem });
    else notify(result.problem.title, 'error');
  };

  const unverified = (profile: ProgramProfile) =>
    PARTNER_FIELDS.some((field) => {
      const entry = profile.provenance[field];
      return entry !== undefined && !entry.verifiedAt;
    });

  return (
    <Section
      title={t('profile.listTitle')}
      description={canManage ? t('profile.listDescription') : t('profile.listReadOnly')}
      testId="profiles-section"
    >
      <div className={styles.toolbar}>
        <SearchBox
          className={styles.search}
          value={search}
          aria-label={t('profile.search')}
          placeholder={t('profile.search')}
          data-testid="profiles-search"
          onChange={(_event, data) => setSearch(data.value)}
        />
        {canManage ? (
          <>
            <Button
              as="a"
              href="/api/program/profiles/template.csv"
              download="program-profiles.csv"
              icon={<DocumentTableArrowRightRegular />}
              data-testid="profiles-template"
            >
              {t('profile.template')}
            </Button>
            <Button
              icon={importing ? <Spinner size="extra-tiny" /> : <ArrowUploadRegular />}
              disabled={importing}
              onClick={() => fileInput.current?.click()}
              data-testid="profiles-import"
            >
              {t('profile.import')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept=".csv,text/csv"
              aria-label={t('profile.import')}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                void importFile(file);
              }}
            />
          </>
        ) : null}
      </div>
      {canManage ? (
        <Text size={200} className={styles.muted}>
          {t('profile.importHint')}
        </Text>
      ) : null}
      <ProblemBar problem={problem} />
      {page === null ? (
        problem ? null : (
          <Spinner size="small" label={t('common.loading')} />
        )
      ) : page.items.length === 0 ? (
        <Text className={styles.muted}>{t('profile.emptyList')}</Text>
      ) : (
        <TableScroll>
          <Table size="small" aria-label={t('profile.listTitle')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('profile.column.partner')}</TableHeaderCell>
                <TableHeaderCell>{labels.field.partnerId}</TableHeaderCell>
                <TableHeaderCell>{t('profile.column.marketplace')}</TableHeaderCell>
                <TableHeaderCell>{t('profile.column.businessProfile')}</TableHeaderCell>
                <TableHeaderCell>{t('profile.column.revenue')}</TableHeaderCell>
                <TableHeaderCell>{labels.field.isvConnect}</TableHeaderCell>
                <TableHeaderCell>{t('profile.column.updated')}</TableHeaderCell>
                {canManage ? (
                  <TableHeaderCell>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </TableHeaderCell>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((row) => (
                <TableRow
                  key={row.organisationId}
                  data-testid={`profile-row-${row.organisationId}`}
                >
                  <TableCell>{row.organisationName}</TableCell>
                  <TableCell>
                    <span className={styles.partnerId}>
                      {row.profile.partnerId ?? <span className={styles.muted}>—</span>}
                      {unverified(row.profile) ? (
                        <Badge appearance="tint" color="warning" size="small">
                          {t('profile.toVerify')}
                        </Badge>
                      ) : null}
                    </span>
                  </TableCell>
                  <TableCell>
                    {row.profile.marketplaceAccountActive ? labels.yes : labels.no}
                  </TableCell>
                  <TableCell>
                    {row.profile.businessProfileComplete ? labels.yes : labels.no}
                  </TableCell>
                  <TableCell className={styles.number}>
                    {formatUsd(row.profile.azureConsumedRevenueUsd)}
                  </TableCell>
                  <TableCell>{labels.isvConnect[row.profile.isvConnect]}</TableCell>
                  <TableCell className={styles.nowrap}>
                    {row.profile.updatedAt ? formatDate(row.profile.updatedAt) : '—'}
                  </TableCell>
                  {canManage ? (
                    <TableCell>
                      <Button
                        size="small"
                        icon={<EditRegular />}
                        onClick={() => setEditing(row)}
                        aria-label={t('profile.editOf', { organisation: row.organisationName })}
                        data-testid={`profile-edit-${row.organisationId}`}
                      >
                        {t('profile.edit')}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {page ? (
        <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onChange={setOffset} />
      ) : null}
      {editing ? (
        <ProfileDialog
          organisationId={editing.organisationId}
          organisationName={editing.organisationName}
          onClose={() => setEditing(null)}
          onSaved={(profile) => {
            setPage((current) =>
              current
                ? {
                    ...current,
                    items: current.items.map((item) =>
                      item.organisationId === editing.organisationId ? { ...item, profile } : item,
                    ),
                  }
                : current,
            );
            setEditing(null);
            notify(t('profile.savedFor', { organisation: editing.organisationName }));
          }}
        />
      ) : null}
      {refused ? (
        <ImportErrorsDialog
          texts={{
            title: t('profile.importRefused'),
            nothingImported: t('profile.nothingImported', { fileName: refused.fileName }),
            problems: t('profile.importProblems'),
            row: t('profile.importRow'),
            column: t('profile.importColumn'),
            problem: t('profile.importProblem'),
            fixAndRetry: t('profile.fixAndRetry'),
          }}
          problem={refused.problem}
          onClose={() => setRefused(null)}
          issueTestId="profile-import-issue"
        />
      ) : null}
    </Section>
  );
}
