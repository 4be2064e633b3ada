import {
  Body1,
  makeStyles,
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
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type Member } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { Pager } from '../../components/pager';
import { ProblemBar } from '../../components/problem-bar';
import { Section, TableScroll } from '../../components/section';
import { NARROW_QUERY, useMediaQuery } from '../../components/use-media-query';

const PAGE_SIZE = 20;

const useStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
});

type Entry = {
  id: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  entityName: string | null;
  at: string;
};

/**
 * Who changed what, when. Only owners and program admins may read it: for everyone else the
 * server answers 403 and the section is not shown at all.
 */
export function AuditSection({
  organisationId,
  members,
  changes,
}: {
  organisationId: string;
  members: Member[];
  /** Changes made on this page; a new value reloads the first page. */
  changes: number;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  // The page offset belongs to one value of `changes`: a change on the page shows page 1 again.
  const [paging, setPaging] = useState({ offset: 0, changes });
  const offset = paging.changes === changes ? paging.offset : 0;
  const setOffset = (next: number) => setPaging({ offset: next, changes });
  const [page, setPage] = useState<{ items: Entry[]; total: number } | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const narrow = useMediaQuery(NARROW_QUERY);

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/audit', {
        params: { path: { organisationId }, query: { limit: PAGE_SIZE, offset } },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setPage(result.data);
        setProblem(null);
      } else if (result.problem.status === 403) {
        setForbidden(true);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [organisationId, offset, changes]);

  if (forbidden) return null;

  const who = (entry: Entry) => {
    const userId = entry.actorUserId;
    if (!userId) return <Text className={styles.muted}>{t('audit.system')}</Text>;
    const member = members.find((m) => m.user.id === userId);
    const name = member?.user.name ?? entry.actorName;
    return name ? (
      name
    ) : (
      // A person who is gone: the id, shortened.
      <span className={styles.code} title={userId}>
        {userId.slice(0, 8)}…
      </span>
    );
  };
  const entity = (entry: Entry) =>
    entry.entityName ? (
      <span title={entry.entityId}>
        {entry.entityType} · {entry.entityName}
      </span>
    ) : (
      <span className={styles.code} title={entry.entityId}>
        {entry.entityType} {entry.entityId.slice(0, 8)}
      </span>
    );

  return (
    <Section title={t('audit.title')} description={t('audit.description')} testId="audit-section">
      <ProblemBar problem={problem} />
      {page === null ? (
        problem ? null : (
          <Spinner size="small" />
        )
      ) : page.items.length === 0 ? (
        <Body1 className={styles.muted}>{t('audit.empty')}</Body1>
      ) : (
        <>
          {narrow ? (
            <ul className={styles.list} aria-label={t('audit.title')}>
              {page.items.map((entry) => (
                <li key={entry.id} className={styles.item}>
                  <span className={styles.code}>{entry.action}</span>
                  <Text size={200}>
                    {who(entry)} · {formatDateTime(entry.at)}
                  </Text>
                  {entity(entry)}
                </li>
              ))}
            </ul>
          ) : (
            <TableScroll>
              <Table aria-label={t('audit.title')} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('audit.when')}</TableHeaderCell>
                    <TableHeaderCell>{t('audit.who')}</TableHeaderCell>
                    <TableHeaderCell>{t('audit.action')}</TableHeaderCell>
                    <TableHeaderCell>{t('audit.entity')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.items.map((entry) => (
                    <TableRow key={entry.id}>
                      <TableCell className={styles.nowrap}>{formatDateTime(entry.at)}</TableCell>
                      <TableCell>{who(entry)}</TableCell>
                      <TableCell>
                        <span className={styles.code}>{entry.action}</span>
                      </TableCell>
                      <TableCell>{entity(entry)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          )}
          <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onChange={setOffset} />
        </>
      )}
    </Section>
  );
}
