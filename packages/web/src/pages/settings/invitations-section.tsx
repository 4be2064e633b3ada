import {
  Body1,
  Button,
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
import { DeleteRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type Invitation } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDateTime } from '../../components/format';
import { InviteDialog } from '../../components/invite-dialog';
import { ProblemBar } from '../../components/problem-bar';
import { RoleBadges } from '../../components/roles';
import { Section, TableScroll } from '../../components/section';
import { useNotify } from '../../components/toast';
import { NARROW_QUERY, useMediaQuery } from '../../components/use-media-query';
import { rolesForKind, type OrganisationKind, type Role } from '../../domain/tenant';

const useStyles = makeStyles({
  empty: { color: tokens.colorNeutralForeground2 },
  actionsHead: { width: '56px' },
  email: { overflowWrap: 'anywhere' },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
});

/** The safest default for a new member: the least powerful role of the kind. */
const defaultRoles = (kind: OrganisationKind): Role[] => {
  const roles = rolesForKind(kind);
  return [roles[roles.length - 1] ?? roles[0]!];
};

/** Open invitations (links not yet used): invite someone, or revoke a link. */
export function InvitationsSection({
  organisation,
  canManage,
  onChanged,
}: {
  organisation: { id: string; name: string; kind: OrganisationKind };
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const [invitations, setInvitations] = useState<Invitation[] | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [inviting, setInviting] = useState(false);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const narrow = useMediaQuery(NARROW_QUERY);

  const [loads, setLoads] = useState(0);
  const reload = () => setLoads((n) => n + 1);

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/invitations', {
        params: { path: { organisationId: organisation.id } },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setInvitations(result.data.items);
        setProblem(null);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [organisation.id, loads]);

  return (
    <Section
      title={t('invitations.title')}
      description={t('invitations.description')}
      testId="invitations-section"
      actions={
        canManage ? (
          <Button
            appearance="primary"
            icon={<PersonAddRegular />}
            onClick={() => setInviting(true)}
            data-testid="invite-user"
          >
            {t('invite.open')}
          </Button>
        ) : undefined
      }
    >
      <ProblemBar problem={problem} />
      {invitations === null ? (
        problem ? null : (
          <Spinner size="small" />
        )
      ) : invitations.length === 0 ? (
        <Body1 className={styles.empty}>{t('invitations.empty')}</Body1>
      ) : (
        <TableScroll>
          <Table aria-label={t('invitations.title')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('invitations.email')}</TableHeaderCell>
                {narrow ? null : <TableHeaderCell>{t('invitations.roles')}</TableHeaderCell>}
                {narrow ? null : <TableHeaderCell>{t('invitations.expires')}</TableHeaderCell>}
                {canManage ? (
                  <TableHeaderCell className={styles.actionsHead}>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </TableHeaderCell>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((invitation) => (
                <TableRow key={invitation.id}>
                  {narrow ? (
                    <TableCell>
                      <span className={styles.stack}>
                        <span className={styles.email}>{invitation.email}</span>
                        <RoleBadges roles={invitation.roles} />
                        <Text size={200} className={styles.empty}>
                          {t('invitePage.expires', { date: formatDateTime(invitation.expiresAt) })}
                        </Text>
                      </span>
                    </TableCell>
                  ) : (
                    <>
                      <TableCell className={styles.email}>{invitation.email}</TableCell>
                      <TableCell>
                        <RoleBadges roles={invitation.roles} />
                      </TableCell>
                      <TableCell>{formatDateTime(invitation.expiresAt)}</TableCell>
                    </>
                  )}
                  {canManage ? (
                    <TableCell>
                      <Button
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={t('invitations.revokeFor', { email: invitation.email })}
                        title={t('invitations.revoke')}
                        onClick={() => setRevoking(invitation)}
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {canManage ? (
        <InviteDialog
          organisation={organisation}
          open={inviting}
          defaultRoles={defaultRoles(organisation.kind)}
          onClose={() => setInviting(false)}
          onInvited={() => {
            reload();
            onChanged();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={t('invitations.revokeTitle')}
        confirmLabel={t('invitations.revoke')}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return null;
          const result = await call(
            api.DELETE('/api/organisations/{organisationId}/invitations/{invitationId}', {
              params: { path: { organisationId: organisation.id, invitationId: revoking.id } },
            }),
          );
          if (!result.ok) return result.problem;
          notify(t('invitations.revoked'));
          reload();
          onChanged();
          return null;
        }}
      >
        {revoking ? t('invitations.revokeBody', { email: revoking.email }) : null}
      </ConfirmDialog>
    </Section>
  );
}
