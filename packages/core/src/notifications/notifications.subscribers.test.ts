import { beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events/events';
import { createFakes, runInJob, seedProgram, type Fakes } from '../testing';
import {
  notificationPath,
  renderNotification,
  sendNotificationMail,
} from './notifications.service';
import { notificationsSubscriber } from './notifications.subscribers';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
});

const approval = (firstPublication: boolean): DomainEvent<'review.decided'> => ({
  id: `event-${String(firstPublication)}`,
  type: 'review.decided',
  version: 1,
  organisationId: world.partner.id,
  subject: { type: 'offer', id: 'offer-1' },
  data: {
    offerId: 'offer-1',
    offerName: 'Contoso Analytics',
    submissionId: 'submission-1',
    decision: 'approve',
    firstPublication,
  },
  actor: { kind: 'user', id: world.reviewer.userId },
  requestId: null,
  occurredAt: fakes.clock.now(),
});

const handle = (event: DomainEvent) =>
  runInJob(
    fakes,
    { kind: 'event.notifications', organisationId: event.organisationId, payload: {} },
    (ctx) => notificationsSubscriber.handle(ctx, event),
  );

const ownersNotification = () =>
  fakes.state.notifications.find((n) => n.userId === world.owner.userId)!;

describe('notifications of an approval', () => {
  it('should tell the publisher of a new offer that the preview waits for Go live, with a link to it', async () => {
    await handle(approval(true));

    const notification = ownersNotification();
    const en = renderNotification(notification, 'en');
    expect(en.subject).toContain('preview is ready');
    expect(en.text).toContain('select Go live');
    expect(en.text).not.toContain('Publishing continues');
    expect(renderNotification(notification, 'zh-CN').text).toContain('上线');
    expect(notificationPath(notification)).toBe('/offers/offer-1?tab=publish');

    await runInJob(
      fakes,
      {
        kind: 'mail.notification',
        organisationId: world.partner.id,
        payload: { notificationId: notification.id, userId: notification.userId },
      },
      (ctx) => sendNotificationMail(ctx.tx, ctx.mailer, ctx.job, 'https://cosell.example'),
    );
    expect(fakes.mailer.sent[0]!.text).toMatch(
      /https:\/\/cosell\.example\/offers\/offer-1\?tab=publish$/,
    );
  });

  it('should say publishing goes on by itself for an update of a live offer', async () => {
    await handle(approval(false));

    const notification = ownersNotification();
    expect(renderNotification(notification, 'en').text).not.toContain('Go live');
    expect(notificationPath(notification)).toBe('/offers/offer-1');
  });
});
