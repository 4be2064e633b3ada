/**
 * Who is told what about a co-sell opportunity (SPEC §7.4, §7.7), in the bell and by e-mail:
 *
 * - an inbound referral arrives Received (a vendor seller's co-sell opportunity, a storefront
 *   lead) → the receiver's referrals admins (`referral.received`); a partner's P2P invitation →
 *   the invited organisation's referrals admins (`referral.invited`);
 * - the receiver accepts or declines → the sender's team (`referral.accepted`/`.declined`);
 * - it is about to expire → the receiver's referrals admins (`referral.expiring`); it expired →
 *   those admins and the sender's team (`referral.expired`);
 * - it is won or lost → the teams of the other participants of the engagement
 *   (`referral.closed`).
 *
 * A receiver's referrals admins are the members with the referrals-admin role whose location
 * scope holds the customer's country (the same rule the opportunities service uses to show them
 * the deal); when there are none, the owners and managers. A referral's team are the members
 * whose e-mail is on it; when none is a member, whoever created the referral.
 */
import type { DomainEvent } from '../events/events';
import type { Referral } from '../opportunities/opportunities.types';
import type { NotificationKind } from '../reference/notification-kinds';
import type { Tx } from '../transaction';

/** The event types that may notify someone about a referral. */
export const REFERRAL_NOTIFICATION_EVENTS = [
  'referral.created',
  'referral.accepted',
  'referral.declined',
  'referral.expiring',
  'referral.expired',
  'referral.won',
  'referral.lost',
] as const;

/**
 * Whether a new referral arrived for its organisation to answer (inbound, Received): the only
 * `referral.created` anybody is told of. A partner's own deal starts Accepted and tells no one.
 */
export const arrivesToAnswer = (created: DomainEvent<'referral.created'>['data']) =>
  created.direction === 'Incoming' && created.substatus === 'Received';

/** One notification to make: for whom, in which organisation, about which referral. */
export interface ReferralNotice {
  organisationId: string;
  kind: NotificationKind;
  userIds: string[];
  params: Record<string, string | number>;
}

/** Members of the organisation who could be told (not disabled). */
async function membersOf(tx: Tx, organisationId: string) {
  return (await tx.notifications.listNotificationRecipients(organisationId)).filter(
    (m) => !m.disabled,
  );
}

/**
 * The referral's referrals admins: those whose location scope (null: the whole company) holds
 * the customer's country; the owners and managers when there are none.
 */
export async function referralAdminsOf(tx: Tx, referral: Referral): Promise<string[]> {
  const members = await membersOf(tx, referral.organizationId);
  const country = referral.customerProfile.address.country;
  const admins: string[] = [];
  for (const member of members) {
    if (!member.roles.includes('referrals-admin')) continue;
    const scope = await tx.referrals.findReferralScope(referral.organizationId, member.userId);
    if (scope === null || scope?.includes(country)) admins.push(member.userId);
  }
  if (admins.length > 0) return admins;
  return members
    .filter((m) => m.roles.includes('owner') || m.roles.includes('manager'))
    .map((m) => m.userId);
}

/** The members on the referral's team; whoever created it when none of them is a member. */
export async function referralTeamOf(tx: Tx, referral: Referral): Promise<string[]> {
  const members = await membersOf(tx, referral.organizationId);
  const emails = new Set(referral.team.map((m) => m.email.toLowerCase()));
  const team = members.filter((m) => emails.has(m.email.toLowerCase())).map((m) => m.userId);
  if (team.length > 0) return team;
  const timeline = await tx.referrals.listTimeline(referral.organizationId, referral.id);
  // A person who created it (a service token's principal has no mailbox nor bell).
  const creation = timeline.find((e) => e.action === 'create');
  const creatorId = creation?.actorKind === 'user' ? creation.actorUserId : null;
  return creatorId && members.some((m) => m.userId === creatorId) ? [creatorId] : [];
}

/**
 * The referral of `organisationId` in the engagement of `referral` (the sender's, or another
 * participant's), read in full once the transaction may see that organisation.
 */
async function participantReferral(
  tx: Tx,
  referral: Referral,
  organisationId: string,
): Promise<Referral | null> {
  const views = await tx.referrals.listEngagement(referral.organizationId, referral.engagementId);
  const view = views
    .filter((v) => v.organizationId === organisationId)
    .sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime))[0];
  if (!view) return null;
  await tx.widenScope({ organisationIds: [organisationId] });
  return tx.referrals.get(organisationId, view.id);
}

/** Who sent an inbound referral: the inviting organisation, or the storefront lead's customer. */
const senderNameOf = (referral: Referral) =>
  referral.inviteContext?.invitedBy?.organizationName ?? referral.customerProfile.name;

const paramsOf = (referral: Referral, partner: string) => ({
  referralId: referral.id,
  name: referral.name,
  partner,
});

/** What a referral event means for the people of each organisation concerned, if anything. */
export async function referralNotices(tx: Tx, event: DomainEvent): Promise<ReferralNotice[]> {
  const data = event.data as { referralId?: unknown; senderOrganizationId?: unknown };
  if (typeof data.referralId !== 'string') return [];
  const referral = await tx.referrals.get(event.organisationId, data.referralId);
  if (!referral) return [];
  const senderId = typeof data.senderOrganizationId === 'string' ? data.senderOrganizationId : null;

  /** The sender's team about its own referral in the engagement, told what the receiver did. */
  const toSender = async (
    kind: NotificationKind,
    extra: Record<string, string> = {},
  ): Promise<ReferralNotice[]> => {
    if (!senderId || senderId === referral.organizationId) return [];
    const sent = await participantReferral(tx, referral, senderId);
    if (!sent) return [];
    return [
      {
        organisationId: senderId,
        kind,
        userIds: await referralTeamOf(tx, sent),
        params: { ...paramsOf(sent, referral.organizationName), ...extra },
      },
    ];
  };
  const toAdmins = async (
    kind: NotificationKind,
    extra: Record<string, string> = {},
  ): Promise<ReferralNotice[]> => [
    {
      organisationId: referral.organizationId,
      kind,
      userIds: await referralAdminsOf(tx, referral),
      params: { ...paramsOf(referral, senderNameOf(referral)), ...extra },
    },
  ];

  switch (event.type) {
    case 'referral.created': {
      // What arrived (the event's data), even if the referral was answered since.
      const created = event.data as DomainEvent<'referral.created'>['data'];
      if (!arrivesToAnswer(created)) return [];
      return toAdmins(created.dealKind === 'p2p' ? 'referral.invited' : 'referral.received');
    }
    case 'referral.accepted':
      return toSender('referral.accepted');
    case 'referral.declined': {
      const { reason } = event.data as DomainEvent<'referral.declined'>['data'];
      return toSender('referral.declined', { reason });
    }
    case 'referral.expiring':
      return toAdmins('referral.expiring', {
        expirationDateTime: (event.data as DomainEvent<'referral.expiring'>['data'])
          .expirationDateTime,
      });
    case 'referral.expired':
      return [
        ...(await toAdmins('referral.expired')),
        ...(await toSender('referral.expired', { side: 'sender' })),
      ];
    case 'referral.won':
    case 'referral.lost': {
      const extra: Record<string, string> =
        event.type === 'referral.won'
          ? { outcome: 'won' }
          : {
              outcome: 'lost',
              reason: (event.data as DomainEvent<'referral.lost'>['data']).reason,
            };
      const views = await tx.referrals.listEngagement(
        referral.organizationId,
        referral.engagementId,
      );
      const others = [
        ...new Set(
          views
            .filter((v) => v.organizationId !== referral.organizationId)
            // A participant that declined or let it expire no longer works the deal.
            .filter((v) => v.substatus !== 'Declined' && v.substatus !== 'Expired')
            .map((v) => v.organizationId),
        ),
      ];
      const notices: ReferralNotice[] = [];
      for (const organisationId of others) {
        const theirs = await participantReferral(tx, referral, organisationId);
        if (!theirs) continue;
        notices.push({
          organisationId,
          kind: 'referral.closed',
          userIds: await referralTeamOf(tx, theirs),
          params: { ...paramsOf(theirs, referral.organizationName), ...extra },
        });
      }
      return notices;
    }
    default:
      return [];
  }
}
