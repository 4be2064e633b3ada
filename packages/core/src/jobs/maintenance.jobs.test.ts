import { beforeEach, describe, expect, it } from 'vitest';
import { createFakes, type Fakes } from '../testing';
import { sweepFinishedWork } from './maintenance.jobs';

const DAY = 86_400_000;
let fakes: Fakes;

beforeEach(() => {
  fakes = createFakes({ now: '2026-11-22T09:00:00Z' });
});

const ago = (ms: number) => new Date(fakes.clock.now().getTime() - ms);

function addSession(expiresAt: Date) {
  fakes.state.sessions.push({
    id: fakes.id(),
    userId: 'user-1',
    activeOrganisationId: null,
    csrfToken: 'csrf',
    createdAt: ago(2 * DAY),
    lastSeenAt: ago(DAY),
    expiresAt,
    userAgent: null,
  });
}

const sweep = (limits = { batchSize: 1_000, batches: 10 }) =>
  fakes.uow.run((tx) =>
    sweepFinishedWork({ tx, clock: fakes.clock, wallClock: fakes.clock }, limits),
  );

describe(sweepFinishedWork.name, () => {
  it('should delete expired sessions only, and widen its scope to housekeeping first', async () => {
    addSession(ago(1));
    addSession(ago(DAY));
    addSession(new Date(fakes.clock.now().getTime() + DAY));

    const counts = await sweep();

    expect(counts.sessions).toMatchObject({ deleted: 2, bounded: false });
    expect(fakes.state.sessions).toHaveLength(1);
    expect(fakes.uow.runs.at(-1)?.widened).toEqual([{ housekeeping: true }]);
  });

  it('should stop at its bound per run and finish in the next run', async () => {
    for (let i = 0; i < 7; i++) addSession(ago(DAY));

    const first = await sweep({ batchSize: 2, batches: 2 });
    expect(first.sessions).toMatchObject({ deleted: 4, bounded: true });
    expect(fakes.state.sessions).toHaveLength(3);

    const second = await sweep({ batchSize: 2, batches: 2 });
    expect(second.sessions).toMatchObject({ deleted: 3, bounded: false });
    expect(fakes.state.sessions).toEqual([]);
  });

  it('should report every kind it sweeps, with zero counts when there is nothing to do', async () => {
    const counts = await sweep();

    expect(Object.keys(counts).sort()).toEqual([
      'contactImports',
      'idempotencyKeys',
      'invitations',
      'jobs',
      'sessions',
    ]);
    for (const count of Object.values(counts)) expect(count.deleted).toBe(0);
  });
});
