import { beforeEach, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../reference/notification-kinds';
import { createFakes, runInJob, seedProgram, type Fakes } from '../testing';
import type { NotificationRecord } from './notifications.ports';
import * as sut from './notifications.service';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: sut.NotificationDeps;

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock };
});

const userOf = (userId: string) => fakes.state.users.find((u) => u.id === userId)!;

/** Notifies the partner's people as a subscriber would, in its own transaction. */
const notify = (kind: NotificationKind = 'review.failed', organisationId = world.partner.id) =>
  fakes.uow.run((tx) =>
    sut.notify(
      tx,
      { clock: fakes.clock },
      {
        organisationId,
        kind,
        offerId: 'offer-1',
        params: { offerName: 'Contoso Analytics', stage: 'review' },
      },
    ),
  );

describe(sut.notify.name, () => {
  it('should tell everyone who works on offers or the profile, and queue one e-mail each', async () => {
    const created = await notify();

    expect(created.map((n) => n.userId).sort()).toEqual(
      [world.owner.userId, world.manager.userId, world.contributor.userId].sort(),
    );
    expect(created[0]).toMatchObject({
      organisationId: world.partner.id,
      kind: 'review.failed',
      offerId: 'offer-1',
      params: { offerName: 'Contoso Analytics', stage: 'review' },
      createdAt: fakes.clock.now(),
      readAt: null,
    });
    expect(fakes.state.jobs.map((j) => [j.kind, j.payload, j.dedupeKey])).toEqual(
      created.map((n) => [
        'mail.notification',
        { notificationId: n.id, userId: n.userId },
        `mail.notification:${n.id}`,
      ]),
    );
  });

  it('should leave out people whose roles only read offers', async () => {
    const created = await notify();

    expect(created.map((n) => n.userId)).not.toContain(world.viewer.userId);
  });

  it('should leave out people who muted the kind, and disabled people', async () => {
    userOf(world.manager.userId).mutedNotificationKinds = ['review.failed'];
    userOf(world.contributor.userId).disabledAt = fakes.clock.now();

    const created = await notify();

    expect(created.map((n) => n.userId)).toEqual([world.owner.userId]);
    expect(fakes.state.jobs).toHaveLength(1);
  });

  it('should still tell someone who muted another kind', async () => {
    userOf(world.manager.userId).mutedNotificationKinds = ['badge.granted'];

    const created = await notify('review.failed');

    expect(created.map((n) => n.userId)).toContain(world.manager.userId);
  });

  it('should tell nobody outside the organisation', async () => {
    const created = await notify();

    expect(created.map((n) => n.userId)).not.toContain(world.otherOwner.userId);
  });

  it('should create nothing when nobody is to be told', async () => {
    await expect(notify('review.failed', world.reseller.id)).resolves.toEqual([]);
    expect(fakes.state.notifications).toEqual([]);
    expect(fakes.state.jobs).toEqual([]);
  });
});

describe(sut.sendNotificationMail.name, () => {
  const send = (notification: NotificationRecord) =>
    runInJob(
      fakes,
      {
        kind: 'mail.notification',
        organisationId: notification.organisationId,
        payload: { notificationId: notification.id, userId: notification.userId },
      },
      (ctx) => sut.sendNotificationMail(ctx.tx, ctx.mailer, ctx.job, 'https://cosell.example/'),
    );

  it("should mail the notification in the person's language with a link to the offer", async () => {
    userOf(world.owner.userId).locale = 'sv-SE';
    const [notification] = (await notify()).filter((n) => n.userId === world.owner.userId);

    await send(notification!);

    const expected = sut.renderNotification(notification!, 'sv-SE');
    expect(fakes.mailer.sent).toEqual([
      {
        to: userOf(world.owner.userId).email,
        subject: expected.subject,
        text: `${expected.text}\n\nhttps://cosell.example/offers/offer-1`,
      },
    ]);
    expect(expected.subject).not.toBe(sut.renderNotification(notification!, 'en').subject);
  });

  it('should not mail someone who muted the kind since', async () => {
    const [notification] = (await notify()).filter((n) => n.userId === world.owner.userId);
    userOf(world.owner.userId).mutedNotificationKinds = ['review.failed'];

    await send(notification!);

    expect(fakes.mailer.sent).toEqual([]);
  });

  it('should not mail a disabled person, nor about a notification that is gone', async () => {
    const [notification] = (await notify()).filter((n) => n.userId === world.owner.userId);
    userOf(world.owner.userId).disabledAt = fakes.clock.now();
    await send(notification!);

    userOf(world.owner.userId).disabledAt = null;
    fakes.state.notifications = [];
    await send(notification!);

    expect(fakes.mailer.sent).toEqual([]);
  });
});

describe(sut.listNotifications.name, () => {
  it("should list the person's own notifications, newest first, with the unread count", async () => {
    await notify('review.failed');
    fakes.clock.advance(60_000);
    await notify('review.passed');

    const page = await sut.listNotifications(deps, world.owner, {
      unreadOnly: false,
      limit: 10,
      offset: 0,
    });

    expect(page.items.map((n) => n.kind)).toEqual(['review.passed', 'review.failed']);
    expect(page.items.every((n) => n.userId === world.owner.userId)).toBe(true);
    expect(page).toMatchObject({ total: 2, unread: 2 });
  });
});

describe(sut.markNotificationsRead.name, () => {
  it('should mark the given notifications read, only the reader’s own', async () => {
    const created = await notify();
    const mine = created.find((n) => n.userId === world.owner.userId)!;
    const theirs = created.find((n) => n.userId === world.manager.userId)!;

    await expect(sut.markNotificationsRead(deps, world.owner, [mine.id, theirs.id])).resolves.toBe(
      1,
    );

    const page = await sut.listNotifications(deps, world.owner, {
      unreadOnly: true,
      limit: 10,
      offset: 0,
    });
    expect(page).toMatchObject({ items: [], total: 0, unread: 0 });
    expect(fakes.state.notifications.find((n) => n.id === theirs.id)!.readAt).toBeNull();
  });

  it('should mark everything read at once', async () => {
    await notify('review.failed');
    await notify('review.passed');

    await expect(sut.markNotificationsRead(deps, world.owner, 'all')).resolves.toBe(2);
    await expect(sut.markNotificationsRead(deps, world.owner, 'all')).resolves.toBe(0);
  });
});

describe(sut.setNotificationPreferences.name, () => {
  it('should remember the muted kinds once each, and stop those notifications', async () => {
    const prefs = await sut.setNotificationPreferences(deps, world.owner, [
      'review.failed',
      'review.failed',
      'badge.granted',
    ]);

    expect(prefs.muted).toEqual(['review.failed', 'badge.granted']);
    await expect(sut.getNotificationPreferences(deps, world.owner)).resolves.toEqual(prefs);
    expect((await notify('review.failed')).map((n) => n.userId)).not.toContain(world.owner.userId);
  });

  it('should answer UNAUTHENTICATED for a person who no longer exists', async () => {
    fakes.state.users = fakes.state.users.filter((u) => u.id !== world.owner.userId);

    await expect(sut.getNotificationPreferences(deps, world.owner)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(sut.setNotificationPreferences(deps, world.owner, [])).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
