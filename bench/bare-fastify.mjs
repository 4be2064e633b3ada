// Baseline server for P1/P12: bare Fastify, no logger, no plugins, the same JSON as /api/ping.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/ping', async () => ({ ok: true, signedIn: false, time: new Date().toISOString() }));
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
