import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type Member } from '../api/client';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../components/use-document-title';
import { hasPermission } from '../domain/tenant';
import { useSignedIn } from '../session/session-context';
import { AuditSection } from './settings/audit-section';
import { InvitationsSection } from './settings/invitations-section';
import { MembersSection } from './settings/members-section';
import { OrganisationSection } from './settings/organisation-section';

/** The active organisation: its name, members, open invitations and audit log. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const { active } = useSignedIn();
  useDocumentTitle(t('settings.title'));
  if (!active) return null;
  const { organisation, roles } = active;
  return (
    <>
      <PageHeader
        title={t('settings.title')}
        description={t('settings.description', { organisation: organisation.name })}
      />
      <SettingsSections
        key={organisation.id}
        organisation={organisation}
        canRead={hasPermission(roles, 'members.read')}
        canManage={hasPermission(roles, 'members.manage')}
        canRename={hasPermission(roles, 'organisation.update')}
      />
    </>
  );
}

function SettingsSections({
  organisation,
  canRead,
  canManage,
  canRename,
}: {
  organisation: { id: string; name: string; kind: 'vendor' | 'partner' | 'reseller' };
  canRead: boolean;
  canManage: boolean;
  canRename: boolean;
}) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [membersProblem, setMembersProblem] = useState<ClientProblem | null>(null);
  /** Bumped after every change, so the audit log shows it. */
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);

  const [memberLoads, setMemberLoads] = useState(0);

  useEffect(() => {
    if (!canRead) return;
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/members', {
        params: { path: { organisationId: organisation.id } },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setMembers(result.data.items);
        setMembersProblem(null);
      } else {
        setMembersProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [canRead, organisation.id, memberLoads]);

  return (
    <>
      <OrganisationSection
        organisationId={organisation.id}
        canRename={canRename}
        onChanged={changed}
      />
      {canRead ? (
        <>
          <MembersSection
            organisation={organisation}
            members={members}
            problem={membersProblem}
            canManage={canManage}
            onChanged={() => {
              setMemberLoads((n) => n + 1);
              changed();
            }}
          />
          <InvitationsSection
            organisation={organisation}
            canManage={canManage}
            onChanged={changed}
          />
        </>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{t('members.noAccess')}</MessageBarBody>
        </MessageBar>
      )}
      {/* The server lets those who may rename the organisation read its audit log. */}
      {canRename ? (
        <AuditSection organisationId={organisation.id} members={members ?? []} changes={changes} />
      ) : null}
    </>
  );
}
