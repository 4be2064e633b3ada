// Baseline server for P2: bare Fastify + pg, no logger, no plugins. It reads one offer the way
// cosell's repository does (the same SELECT, as cosell_app with the same row-level security
// settings in a transaction: BEGIN with the settings in one round trip, the SELECT, COMMIT),
// with the pool size cosell gets. No sign-in: the tenant scope comes from the environment.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
  idleTimeoutMillis: 30_000, // as cosell's pool
  application_name: 'bench-bare',
});
const userId = process.env.BENCH_USER_ID ?? '';

const SELECT_OFFER = `select * from offers where organisation_id = $1 and id = $2`;

const app = Fastify({ logger: false });
app.get('/api/organisations/:organisationId/offers/:offerId', async (request, reply) => {
  const { organisationId, offerId } = request.params;
  const client = await pool.connect();
  try {
    await client.query(
      `begin; select set_config('role', 'cosell_app', true), ` +
        `set_config('cosell.organisation_ids', ${pg.escapeLiteral(organisationId)}, true), ` +
        `set_config('cosell.user_id', ${pg.escapeLiteral(userId)}, true), ` +
        `set_config('cosell.program_admin', '', true), set_config('cosell.program_staff', '', true), ` +
        `set_config('cosell.invitation_token_hash', '', true), set_config('cosell.outbox_relay', '', true)`,
    );
    const { rows } = await client.query(SELECT_OFFER, [organisationId, offerId]);
    await client.query('commit');
    if (!rows[0]) return reply.code(404).send({ code: 'NOT_FOUND' });
    return rows[0];
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
});
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
