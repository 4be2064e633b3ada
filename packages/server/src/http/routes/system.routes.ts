/**
 * Clock control for trying time-based rules (CLOCK_CONTROL=on only): program admins move the
 * clock forward, and due scheduled work (the Preferred Solution badge) runs at once.
 */
import { AppError, requireVendorPermission } from '@cosell/core';
import { createInstallationSettingsStore } from '@cosell/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { TimestampSchema } from '../schemas';

const ClockSchema = z
  .object({
    now: TimestampSchema,
    /** Days the clock is ahead of real time. */
    offsetDays: z.number(),
    controllable: z.boolean(),
  })
  .meta({ id: 'Clock' });

export const systemRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const view = () => ({
    now: deps.businessClock.now().toISOString(),
    offsetDays: (deps.adjustableClock?.offsetMs ?? 0) / 86_400_000,
    controllable: deps.adjustableClock !== undefined,
  });

  app.get('/api/system/clock', {
    config: { scope: 'session' },
    schema: {
      operationId: 'getClock',
      tags: ['system'],
      summary: "The server's clock (program admins)",
      answers: { 200: 'The clock' },
      response: { 200: ClockSchema },
    },
    handler: async (request) => {
      requireVendorPermission(requireActor(request), 'program.manage');
      return view();
    },
  });

  app.post('/api/system/clock', {
    config: { scope: 'session' },
    schema: {
      operationId: 'advanceClock',
      tags: ['system'],
      summary:
        'Move the clock forward (program admins, only with CLOCK_CONTROL=on), then run due ' +
        'scheduled work such as the badge sweep',
      body: z.strictObject({ advanceDays: z.number().min(0).max(3650) }),
      answers: { 200: 'The clock, moved forward', 409: 'Clock control is off (CLOCK_CONTROL)' },
      response: { 200: ClockSchema },
    },
    handler: async (request) => {
      requireVendorPermission(requireActor(request), 'program.manage');
      const clock = deps.adjustableClock;
      if (!clock) {
        throw new AppError('CONFLICT', {
          messageKey: 'system.clockFixed',
          message: 'clock control is off (CLOCK_CONTROL)',
        });
      }
      clock.advance(request.body.advanceDays * 86_400_000);
      // Kept across restarts: the program's time never jumps back.
      await createInstallationSettingsStore(deps.database.db).set('clock.offsetMs', clock.offsetMs);
      await deps.jobs.scheduleBadgeSweep();
      return view();
    },
  });
};
