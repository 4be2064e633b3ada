import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
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
  tokens,
} from '@fluentui/react-components';
import { AddRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type Organisation } from '../../api/client';
import { formatDate } from '../../components/format';
import { useDiscardGuard, useFormChanged } from '../../components/discard-prompt';
import { InviteDialog, type InviteTarget } from '../../components/invite-dialog';
import { Pager } from '../../components/pager';
import { ProblemBar } from '../../components/problem-bar';
import { useKindLabel } from '../../components/roles';
import { Section, TableScroll } from '../../components/section';
import { useNotify } from '../../components/toast';
import type { Role } from '../../domain/tenant';

const PAGE_SIZE = 20;
type ManagedKind = 'partner' | 'reseller';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  search: { minWidth: '200px', flexGrow: 1, maxWidth: '360px' },
  empty: { color: tokens.colorNeutralForeground2 },
  actionCell: { textAlign: 'end' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  name: { fontWeight: tokens.fontWeightSemibold },
});

/** The first owner of a partner; a reseller's only role. */
const FIRST_ROLES: Record<ManagedKind, Role[]> = { partner: ['owner'], reseller: ['member'] };

/**
 * Partner and reseller organisations of the program: search, page, create one, and invite
 * its first user (program admins only).
 */
export function OrganisationsSection({ startCreating = false }: { startCreating?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const kindLabel = useKindLabel();
  const [kind, setKind] = useState<ManagedKind>('partner');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: Organisation[]; total: number } | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  // Opened from "Create organisation" elsewhere (the page header, the first-run checklist).
  const [creating, setCreating] = useState(startCreating);
  const [inviting, setInviting] = useState<InviteTarget | null>(null);
  const [reload, setReload] = useState(0);

  // Search as the admin types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setOffset(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations', {
        params: {
          query: { kind, limit: PAGE_SIZE, offset, ...(query ? { search: query } : {}) },
        },
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
  }, [kind, query, offset, reload]);

  return (
    <Section
      title={t('organisations.title')}
      description={t('organisations.description')}
      testId="organisations-section"
      actions={
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => setCreating(true)}
          data-testid="create-organisation"
        >
          {t('organisations.create')}
        </Button>
      }
    >
      <div className={styles.toolbar}>
        <TabList
          selectedValue={kind}
          onTabSelect={(_event, data) => {
            setKind(data.value as ManagedKind);
            setOffset(0);
            setPage(null);
          }}
        >
          <Tab value="partner">{t('organisations.partners')}</Tab>
          <Tab value="reseller">{t('organisations.resellers')}</Tab>
        </TabList>
        <SearchBox
          className={styles.search}
          aria-label={t('organisations.search')}
          placeholder={t('organisations.search')}
          value={search}
          onChange={(_event, data) => setSearch(data.value)}
        />
      </div>
      <ProblemBar problem={problem} />
      {page === null ? (
        problem ? null : (
          <Spinner size="small" />
        )
      ) : page.items.length === 0 ? (
        <Body1 className={styles.empty}>
          {query
            ? t('organisations.noMatch', { search: query })
            : t('organisations.empty', { kind: kindLabel(kind) })}
        </Body1>
      ) : (
        <>
          <TableScroll>
            <Table aria-label={t('organisations.title')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('organisations.name')}</TableHeaderCell>
                  <TableHeaderCell>{t('organisations.createdOn')}</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.items.map((organisation) => (
                  <TableRow key={organisation.id}>
                    <TableCell className={styles.name}>{organisation.name}</TableCell>
                    <TableCell>{formatDate(organisation.createdAt)}</TableCell>
                    <TableCell className={styles.actionCell}>
                      <Button
                        size="small"
                        icon={<PersonAddRegular />}
                        data-testid="org-invite"
                        aria-label={t('organisations.inviteTo', {
                          organisation: organisation.name,
                        })}
                        onClick={() => setInviting(organisation)}
                      >
                        {t('invite.open')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onChange={setOffset} />
        </>
      )}
      {creating ? (
        <CreateOrganisationDialog
          initialKind={kind}
          onClose={() => setCreating(false)}
          onCreated={(organisation) => {
            setCreating(false);
            setKind(organisation.kind === 'reseller' ? 'reseller' : 'partner');
            setSearch('');
            setOffset(0);
            setReload((n) => n + 1);
            // The usual next step: invite the new organisation's first owner.
            setInviting(organisation);
          }}
        />
      ) : null}
      {inviting ? (
        <InviteDialog
          organisation={inviting}
          open
          defaultRoles={FIRST_ROLES[inviting.kind === 'reseller' ? 'reseller' : 'partner']}
          onClose={() => setInviting(null)}
        />
      ) : null}
    </Section>
  );
}

function CreateOrganisationDialog({
  initialKind,
  onClose,
  onCreated,
}: {
  initialKind: ManagedKind;
  onClose: () => void;
  onCreated: (organisation: Organisation) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const kindLabel = useKindLabel();
  const notify = useNotify();
  const [kind, setKind] = useState<ManagedKind>(initialKind);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const guard = useDiscardGuard(useFormChanged({ kind, name }), onClose);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/organisations', { body: { kind, name: name.trim() } }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    notify(t('organisations.created', { organisation: result.data.name }));
    onCreated(result.data);
  };

  return (
    <Dialog open onOpenChange={guard.onOpenChange}>
      <DialogSurface>
        {guard.prompt}
        <DialogBody>
          <DialogTitle>{t('organisations.createTitle')}</DialogTitle>
          <DialogContent>
            <form
              id="create-organisation-form"
              className={styles.form}
              onSubmit={submit}
              noValidate
            >
              <ProblemBar problem={problem} shownFields={['kind', 'name']} />
              <Field label={t('organisations.kind')} validationMessage={problem?.fields.kind}>
                <RadioGroup
                  value={kind}
                  onChange={(_event, data) => setKind(data.value as ManagedKind)}
                >
                  <Radio value="partner" label={kindLabel('partner')} />
                  <Radio value="reseller" label={kindLabel('reseller')} />
                </RadioGroup>
              </Field>
              <Field label={t('organisations.name')} validationMessage={problem?.fields.name}>
                <Input
                  required
                  value={name}
                  autoComplete="off"
                  onChange={(_event, data) => setName(data.value)}
                />
              </Field>
            </form>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              type="submit"
              form="create-organisation-form"
              disabled={busy || name.trim() === ''}
            >
              {t('organisations.createSubmit')}
            </Button>
            <Button onClick={guard.requestClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
