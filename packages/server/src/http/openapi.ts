import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 at /api/openapi.json, generated from the same zod schemas that validate. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cosell API',
        version: '0.1.0',
        description:
          'The public REST API of cosell, the same one its web app uses. Errors are RFC 9457 ' +
          'problem+json. Writes made with the session cookie carry the X-CSRF-Token header from ' +
          'GET /api/session. Versioned objects return an ETag; send it back as If-Match.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-cosell_session' },
        },
      },
      security: [{ session: [] }],
    },
    // File bodies and answers (uploads, CSV) are streamed, not schema-validated: document
    // them as binary content of their types.
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const config = (input.route.config ?? {}) as { rawBody?: string[]; rawResponse?: string };
      const schema = { ...(out.schema as Record<string, unknown>) };
      if (config.rawBody) {
        schema.consumes = config.rawBody;
        schema.body = { type: 'string', format: 'binary' };
      }
      if (config.rawResponse) {
        schema.response = {
          ...(schema.response as Record<string, unknown>),
          200: {
            description: 'The file',
            content: { [config.rawResponse]: { schema: { type: 'string', format: 'binary' } } },
          },
        };
      }
      return { ...out, schema } as typeof out;
    },
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  // The docs page is as public as the spec it renders: its routes are marked public here,
  // or the auth hook would answer 401 to anyone who is not signed in.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
      uiHooks: {},
      staticCSP: false,
      transformSpecification: (spec) => spec,
    });
  });
}
