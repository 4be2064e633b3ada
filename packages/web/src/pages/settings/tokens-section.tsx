import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { TOKEN_AREAS } from '@cosell/core/reference-data';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  call,
  type ApiToken,
  type ClientProblem,
  type IssuedApiToken,
} from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyField } from '../../components/copy-field';
import { hasChanges } from '../../components/discard-guard';
import { useDiscardGuard } from '../../components/discard-prompt';
import { formatDateTime } from '../../components/format';
import { ProblemBar } from '../../components/problem-bar';
import { RoleCheckboxes } from '../../components/roles';
import { Section, TableScroll } from '../../components/section';
import { useNotify } from '../../components/toast';
import type { OrganisationKind, Role } from '../../domain/tenant';

type Scope = ApiToken['scopes'][number];

/** The API areas a token's scopes name. */
const AREAS = TOKEN_AREAS;

const useStyles = makeStyles({
  empty: { color: tokens.colorNeutralForeground2 },
  actionsHead: { width: '56px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scopes: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    columnGap: tokens.spacingHorizontalM,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/**
 * Whose tokens a section manages: the signed-in person's (personal tokens, acting as them), or
 * an organisation's service tokens (a CRM connector with roles of its own and no person
 * behind it; managed by the organisation's owners).
 */
export type TokenOwner =
  { kind: 'personal' } | { kind: 'service'; organisation: { id: string; kind: OrganisationKind } };

const PERSONAL: TokenOwner = { kind: 'personal' };

/** The owner's tokens, one request whichever their kind. */
const listTokens = (owner: TokenOwner) =>
  owner.kind === 'personal'
    ? call(api.GET('/api/tokens'))
    : call(
        api.GET('/api/organisations/{organisationId}/tokens', {
          params: { path: { organisationId: owner.organisation.id } },
        }),
      );

const revokeToken = (owner: TokenOwner, tokenId: string) =>
  owner.kind === 'personal'
    ? call(api.DELETE('/api/tokens/{tokenId}', { params: { path: { tokenId } } }))
    : call(
        api.DELETE('/api/organisations/{organisationId}/tokens/{tokenId}', {
          params: { path: { organisationId: owner.organisation.id, tokenId } },
        }),
      );

/** API tokens of a person or an organisation: create one (its secret shown once), see use, revoke. */
export function TokensSection({ owner = PERSONAL }: { owner?: TokenOwner }) {
  const { t } = useTranslation();
  const personal = owner.kind === 'personal';
  const title = personal ? t('apiTokens.title') : t('serviceTokens.title');
  const styles = useStyles();
  const notify = useNotify();
  const [items, setItems] = useState<ApiToken[] | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = () => setLoads((n) => n + 1);

  const ownerKey = owner.kind === 'personal' ? 'personal' : owner.organisation.id;
  useEffect(() => {
    let cancelled = false;
    void listTokens(owner).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setItems(result.data.items);
        setProblem(null);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
    // `owner` is identified by `ownerKey`; a new object for the same owner loads nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loads, ownerKey]);

  return (
    <Section
      title={title}
      description={personal ? t('apiTokens.description') : t('serviceTokens.description')}
      testId={owner.kind === 'personal' ? 'tokens-section' : 'service-tokens-section'}
      actions={
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => setCreating(true)}
          data-testid={owner.kind === 'personal' ? 'create-token' : 'create-service-token'}
        >
          {t('apiTokens.create')}
        </Button>
      }
    >
      <ProblemBar problem={problem} />
      {items === null ? (
        problem ? null : (
          <Spinner size="small" />
        )
      ) : items.length === 0 ? (
        <Body1 className={styles.empty}>
          {personal ? t('apiTokens.empty') : t('serviceTokens.empty')}
        </Body1>
      ) : (
        <TableScroll>
          <Table aria-label={title}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('apiTokens.name')}</TableHeaderCell>
                <TableHeaderCell>{t('apiTokens.scopes')}</TableHeaderCell>
                <TableHeaderCell>{t('apiTokens.expires')}</TableHeaderCell>
                <TableHeaderCell>{t('apiTokens.lastUsed')}</TableHeaderCell>
                <TableHeaderCell className={styles.actionsHead}>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((token) => (
                <TableRow key={token.id}>
                  <TableCell>{token.name}</TableCell>
                  <TableCell className={styles.code}>{token.scopes.join(', ')}</TableCell>
                  <TableCell>
                    {token.revokedAt
                      ? t('apiTokens.revokedOn', { date: formatDateTime(token.revokedAt) })
                      : formatDateTime(token.expiresAt)}
                  </TableCell>
                  <TableCell>
                    {token.lastUsedAt
                      ? t('apiTokens.lastUsedFrom', {
                          date: formatDateTime(token.lastUsedAt),
                          address: token.lastUsedIp ?? '—',
                        })
                      : t('apiTokens.never')}
                  </TableCell>
                  <TableCell>
                    {token.revokedAt ? null : (
                      <Button
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={t('apiTokens.revokeFor', { name: token.name })}
                        title={t('apiTokens.revoke')}
                        onClick={() => setRevoking(token)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      <CreateTokenDialog
        owner={owner}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={reload}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('apiTokens.revokeTitle')}
        confirmLabel={t('apiTokens.revoke')}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return null;
          const result = await revokeToken(owner, revoking.id);
          if (!result.ok) return result.problem;
          notify(t('apiTokens.revoked'));
          reload();
          return null;
        }}
      >
        {revoking ? t('apiTokens.revokeBody', { name: revoking.name }) : null}
      </ConfirmDialog>
    </Section>
  );
}

/** Name, scopes, roles (service tokens) and lifetime of a new token; then its secret, shown this once. */
function CreateTokenDialog({
  owner,
  open,
  onClose,
  onCreated,
}: {
  owner: TokenOwner;
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['offers:read']);
  const [days, setDays] = useState('90');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);

  const close = () => {
    setName('');
    setRoles([]);
    setScopes(['offers:read']);
    setDays('90');
    setProblem(null);
    setIssued(null);
    onClose();
  };
  const guard = useDiscardGuard(
    !issued &&
      hasChanges(
        { name: '', roles: [], scopes: ['offers:read'], days: '90' },
        { name, roles, scopes, days },
      ),
    close,
  );
  const toggle = (scope: Scope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const body = { name: name.trim(), scopes, expiresInDays: Number(days) };
    const result = await (owner.kind === 'personal'
      ? call(api.POST('/api/tokens', { body }))
      : call(
          api.POST('/api/organisations/{organisationId}/tokens', {
            params: { path: { organisationId: owner.organisation.id } },
            body: { ...body, roles },
          }),
        ));
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setIssued(result.data);
    onCreated();
  };

  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogSurface aria-describedby={undefined}>
        {guard.prompt}
        <DialogBody>
          <DialogTitle>
            {owner.kind === 'personal'
              ? t('apiTokens.createTitle')
              : t('serviceTokens.createTitle')}
          </DialogTitle>
          <DialogContent className={styles.form}>
            {issued ? (
              <>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    {owner.kind === 'personal'
                      ? t('apiTokens.secretOnce')
                      : t('serviceTokens.secretOnce')}
                  </MessageBarBody>
                </MessageBar>
                <CopyField
                  label={t('apiTokens.secret')}
                  value={issued.secret}
                  testId="token-secret"
                />
              </>
            ) : (
              <form id="create-token" className={styles.form} onSubmit={submit} noValidate>
                <ProblemBar
                  problem={problem}
                  shownFields={['name', 'scopes', 'roles', 'expiresInDays']}
                />
                <Field
                  label={t('apiTokens.name')}
                  hint={t('apiTokens.nameHint')}
                  validationMessage={problem?.fields.name}
                >
                  <Input
                    required
                    maxLength={100}
                    value={name}
                    onChange={(_event, data) => setName(data.value)}
                  />
                </Field>
                <Field label={t('apiTokens.scopes')} validationMessage={problem?.fields.scopes}>
                  <div className={styles.scopes}>
                    {AREAS.flatMap((area) =>
                      (['read', 'write'] as const).map((access) => {
                        const scope = `${area}:${access}` as Scope;
                        return (
                          <Checkbox
                            key={scope}
                            label={<span className={styles.code}>{scope}</span>}
                            checked={scopes.includes(scope)}
                            onChange={(_event, data) => toggle(scope, data.checked === true)}
                          />
                        );
                      }),
                    )}
                  </div>
                </Field>
                {owner.kind === 'service' ? (
                  <RoleCheckboxes
                    kind={owner.organisation.kind}
                    value={roles}
                    onChange={setRoles}
                    exclude={['owner']}
                    error={problem?.fields.roles}
                  />
                ) : null}
                <Field
                  label={t('apiTokens.days')}
                  hint={t('apiTokens.daysHint')}
                  validationMessage={problem?.fields.expiresInDays}
                >
                  <Input
                    type="number"
                    min={1}
                    max={365}
                    value={days}
                    onChange={(_event, data) => setDays(data.value)}
                  />
                </Field>
              </form>
            )}
          </DialogContent>
          <DialogActions>
            {issued ? (
              <Button appearance="primary" onClick={close}>
                {t('common.done')}
              </Button>
            ) : (
              <>
                <Button
                  appearance="primary"
                  type="submit"
                  form="create-token"
                  disabled={
                    busy ||
                    scopes.length === 0 ||
                    name.trim() === '' ||
                    (owner.kind === 'service' && roles.length === 0)
                  }
                >
                  {t('apiTokens.create')}
                </Button>
                <Button onClick={guard.requestClose}>{t('common.cancel')}</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
