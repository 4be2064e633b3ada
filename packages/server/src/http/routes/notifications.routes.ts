/** The signed-in person's notifications and which kinds they mute. */
import {
  getNotificationPreferences,
  listNotifications,
  markNotificationsRead,
  NOTIFICATION_KINDS,
  setNotificationPreferences,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { IdSchema, PageQuerySchema } from '../schemas';
import { NotificationSchema, toNotification } from './publishing.schemas';

const PreferencesSchema = z
  .object({
    muted: z.array(z.enum(NOTIFICATION_KINDS)),
    kinds: z.array(z.enum(NOTIFICATION_KINDS)),
  })
  .meta({ id: 'NotificationPreferences' });

export const notificationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const offers = deps.offers;

  app.get('/api/notifications', {
    config: { scope: 'session' },
    schema: {
      operationId: 'listNotifications',
      tags: ['notifications'],
      summary: 'My notifications, newest first, with the unread count',
      querystring: PageQuerySchema.extend({
        unread: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
      }),
      answers: { 200: 'Your notifications and the unread count' },
      response: {
        200: z.object({
          items: z.array(NotificationSchema),
          total: z.number().int(),
          unread: z.number().int(),
        }),
      },
    },
    handler: async (request) => {
      const page = await listNotifications(offers, requireActor(request), {
        unreadOnly: request.query.unread,
        limit: request.query.limit,
        offset: request.query.offset,
      });
      return {
        items: page.items.map((n) => toNotification(n, request.locale)),
        total: page.total,
        unread: page.unread,
      };
    },
  });

  app.post('/api/notifications/read', {
    config: { scope: 'session' },
    schema: {
      operationId: 'markNotificationsRead',
      tags: ['notifications'],
      summary: 'Mark notifications read: the listed ids, or all',
      body: z.strictObject({
        ids: z.union([z.array(IdSchema).max(500), z.literal('all')]),
      }),
      answers: { 200: 'How many were marked read' },
      response: { 200: z.object({ marked: z.number().int() }) },
    },
    handler: async (request) => {
      const marked = await markNotificationsRead(offers, requireActor(request), request.body.ids);
      return { marked };
    },
  });

  app.get('/api/notifications/preferences', {
    config: { scope: 'session' },
    schema: {
      operationId: 'getNotificationPreferences',
      tags: ['notifications'],
      summary: 'Which notification kinds I mute (in the app and by e-mail)',
      answers: { 200: 'Your preferences' },
      response: { 200: PreferencesSchema },
    },
    handler: async (request) => {
      const prefs = await getNotificationPreferences(offers, requireActor(request));
      return { muted: prefs.muted, kinds: [...prefs.kinds] };
    },
  });

  app.put('/api/notifications/preferences', {
    config: { scope: 'session' },
    schema: {
      operationId: 'updateNotificationPreferences',
      tags: ['notifications'],
      summary: 'Set the notification kinds I mute',
      body: z.strictObject({
        muted: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
      }),
      answers: { 200: 'Your preferences, changed' },
      response: { 200: PreferencesSchema },
    },
    handler: async (request) => {
      const prefs = await setNotificationPreferences(
        offers,
        requireActor(request),
        request.body.muted,
      );
      return { muted: prefs.muted, kinds: [...prefs.kinds] };
    },
  });
};
