import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type Member } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDiscardGuard, useFormChanged } from '../../components/discard-prompt';
import { ProblemBar } from '../../components/problem-bar';
import { RoleBadges, RoleCheckboxes } from '../../components/roles';
import { Section, TableScroll } from '../../components/section';
import { useNotify } from '../../components/toast';
import { NARROW_QUERY, useMediaQuery } from '../../components/use-media-query';
import type { OrganisationKind, Role } from '../../domain/tenant';
import { useSignedIn } from '../../session/session-context';

const useStyles = makeStyles({
  person: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  email: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
  actionsHead: { width: '96px' },
  dialogForm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Target {
  organisation: { id: string; name: string; kind: OrganisationKind };
}

/** Members with their roles; owners and admins change roles or remove members. */
export function MembersSection({
  organisation,
  members,
  problem,
  canManage,
  onChanged,
}: Target & {
  members: Member[] | null;
  problem: ClientProblem | null;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const narrow = useMediaQuery(NARROW_QUERY);
  const notify = useNotify();
  const { session, refreshSession } = useSignedIn();
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  const afterChange = async (member: Member) => {
    onChanged();
    if (member.user.id === session.user.id) await refreshSession();
  };

  return (
    <Section
      title={t('members.title')}
      description={t('members.description')}
      testId="members-section"
    >
      <ProblemBar problem={problem} />
      {members === null ? (
        problem ? null : (
          <Spinner size="small" />
        )
      ) : (
        <TableScroll>
          <Table aria-label={t('members.title')} size={narrow ? 'small' : 'medium'}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>
                  {narrow ? t('members.member') : t('members.name')}
                </TableHeaderCell>
                {narrow ? null : <TableHeaderCell>{t('members.email')}</TableHeaderCell>}
                {narrow ? null : <TableHeaderCell>{t('members.roles')}</TableHeaderCell>}
                {canManage ? (
                  <TableHeaderCell className={styles.actionsHead}>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </TableHeaderCell>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((member) => (
                <TableRow key={member.user.id}>
                  <TableCell>
                    <span className={styles.person}>
                      <Text weight="semibold">
                        {member.user.name}
                        {member.user.id === session.user.id ? ` ${t('members.you')}` : ''}
                      </Text>
                      {narrow ? (
                        <>
                          <Text size={200} className={styles.email}>
                            {member.user.email}
                          </Text>
                          <RoleBadges roles={member.roles} />
                        </>
                      ) : null}
                    </span>
                  </TableCell>
                  {narrow ? null : <TableCell>{member.user.email}</TableCell>}
                  {narrow ? null : (
                    <TableCell>
                      <RoleBadges roles={member.roles} />
                    </TableCell>
                  )}
                  {canManage ? (
                    <TableCell>
                      <span className={styles.actions}>
                        <Button
                          appearance="subtle"
                          icon={<EditRegular />}
                          aria-label={t('members.editRolesOf', { name: member.user.name })}
                          title={t('members.editRoles')}
                          onClick={() => setEditing(member)}
                        />
                        <Button
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-label={t('members.removeMember', { name: member.user.name })}
                          title={t('members.remove')}
                          onClick={() => setRemoving(member)}
                        />
                      </span>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {editing ? (
        <EditRolesDialog
          organisation={organisation}
          member={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            const member = editing;
            setEditing(null);
            notify(t('members.rolesSaved'));
            await afterChange(member);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('members.removeTitle')}
        confirmLabel={t('members.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return null;
          const result = await call(
            api.DELETE('/api/organisations/{organisationId}/members/{userId}', {
              params: { path: { organisationId: organisation.id, userId: removing.user.id } },
            }),
          );
          if (!result.ok) return result.problem;
          notify(t('members.removed', { name: removing.user.name }));
          await afterChange(removing);
          return null;
        }}
      >
        {removing
          ? t('members.removeBody', { name: removing.user.name, organisation: organisation.name })
          : null}
      </ConfirmDialog>
    </Section>
  );
}

function EditRolesDialog({
  organisation,
  member,
  onClose,
  onSaved,
}: Target & { member: Member; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  const guard = useDiscardGuard(useFormChanged(roles), onClose);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.PATCH('/api/organisations/{organisationId}/members/{userId}', {
        params: {
          path: { organisationId: organisation.id, userId: member.user.id },
          // The version this dialog was opened on: a concurrent change gets 412, not overwritten.
          header: { 'if-match': `"v${member.version}"` },
        },
        body: { roles },
      }),
    );
    setBusy(false);
    if (!result.ok) setProblem(result.problem);
    else await onSaved();
  };

  return (
    <Dialog open onOpenChange={guard.onOpenChange}>
      <DialogSurface>
        {guard.prompt}
        <DialogBody>
          <DialogTitle>{t('members.editRolesTitle', { name: member.user.name })}</DialogTitle>
          <DialogContent className={styles.dialogForm}>
            <ProblemBar problem={problem} shownFields={['roles']} />
            <RoleCheckboxes
              kind={organisation.kind}
              value={roles}
              onChange={setRoles}
              error={
                problem?.fields.roles ?? (roles.length === 0 ? t('roles.required') : undefined)
              }
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || roles.length === 0} onClick={save}>
              {t('common.save')}
            </Button>
            <Button onClick={guard.requestClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
