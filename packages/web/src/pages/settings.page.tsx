import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type Member } from '../api/client';
import { PageHeader } from '../components/page-header';
import { useDocumentTitle } from '../components/use-document-title';
import { hasPermission } from '../domain/tenant';
import { useSignedIn } from '../session/session-context';
import { AuditSection } from './settings/audit-section';
import { InvitationsSection } from './settings/invitations-section';
import { MembersSection } from './settings/members-section';
import { NotificationsSection } from './settings/notifications-section';
import { OrganisationSection } from './settings/organisation-section';
import { ProfileSection } from './settings/profile-section';
import { SectionAnchor, useSectionParam } from './settings/section-anchor';
import { TokensSection } from './settings/tokens-section';

/**
 * The active organisation: its name, program profile (partners), members, open invitations and
 * audit log; and the signed-in person's notifications. `?section=<id>` scrolls to one of them
 * (organisation, profile, members, invitations, audit, notifications, tokens). The API tokens
 * are the signed-in person's own.
 */
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
        canWriteProfile={hasPermission(roles, 'profile.write')}
      />
    </>
  );
}

function SettingsSections({
  organisation,
  canRead,
  canManage,
  canRename,
  canWriteProfile,
}: {
  organisation: { id: string; name: string; kind: 'vendor' | 'partner' | 'reseller' };
  canRead: boolean;
  canManage: boolean;
  canRename: boolean;
  canWriteProfile: boolean;
}) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [membersProblem, setMembersProblem] = useState<ClientProblem | null>(null);
  /** Bumped after every change, so the audit log shows it. */
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);

  const [memberLoads, setMemberLoads] = useState(0);
  const names = useMemo(
    () => new Map((members ?? []).map((member) => [member.user.id, member.user.name])),
    [members],
  );
  useSectionParam();

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
      <SectionAnchor id="organisation">
        <OrganisationSection
          organisationId={organisation.id}
          canRename={canRename}
          onChanged={changed}
        />
      </SectionAnchor>
      {organisation.kind === 'partner' ? (
        <SectionAnchor id="profile">
          <ProfileSection
            organisationId={organisation.id}
            canWrite={canWriteProfile}
            names={names}
          />
        </SectionAnchor>
      ) : null}
      {canRead ? (
        <>
          <SectionAnchor id="members">
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
          </SectionAnchor>
          <SectionAnchor id="invitations">
            <InvitationsSection
              organisation={organisation}
              canManage={canManage}
              onChanged={changed}
            />
          </SectionAnchor>
          {canManage ? (
            <SectionAnchor id="service-tokens">
              <TokensSection owner={{ kind: 'service', organisation }} />
            </SectionAnchor>
          ) : null}
        </>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{t('members.noAccess')}</MessageBarBody>
        </MessageBar>
      )}
      {/* The server lets those who may rename the organisation read its audit log. */}
      {canRename ? (
        <SectionAnchor id="audit">
          <AuditSection
            organisationId={organisation.id}
            members={members ?? []}
            changes={changes}
          />
        </SectionAnchor>
      ) : null}
      <SectionAnchor id="notifications">
        <NotificationsSection />
      </SectionAnchor>
      <SectionAnchor id="tokens">
        <TokensSection />
      </SectionAnchor>
    </>
  );
}
