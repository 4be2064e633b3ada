/**
 * The `cosell` command line: serve, migrate, set up, administer organisations and users, and
 * seed a demo program. Every command goes through the same use cases as the API.
 */
import { createInterface } from 'node:readline/promises';
import {
  AppError,
  completeSetup,
  createPersonalToken,
  CreatePersonalTokenSchema,
  CreateServiceTokenSchema,
  operatorTokens,
  parseDays,
  type ApiTokenRecord,
  type OrganisationKind,
  type Role,
  createOrganisation,
  EmailSchema,
  inviteMember,
  isSetupNeeded,
  OrganisationNameSchema,
  PasswordSchema,
  PersonNameSchema,
  ROLES,
  RoleSchema,
  translate,
  type Actor,
} from '@cosell/core';
import {
  createDeps,
  loadConfig,
  lockDataFolder,
  openConfiguredDatabase,
  seedDemo,
  startServer,
  type AppDeps,
} from '@cosell/server';
import { Command, Option } from 'commander';
import type { z } from 'zod';

/** The running command's name (`org create`, `seed`…), for the data-folder lock. */
let commandName = 'cosell';

async function withDeps<T>(work: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Embedded PGlite belongs to one process: refused (nothing written) while a server or
  // another command has this data folder. No lock with PostgreSQL.
  const lock = await lockDataFolder(config, { command: commandName, releaseOnSignal: true });
  try {
    const database = await openConfiguredDatabase(config);
    try {
      await database.migrate();
      return await work(createDeps(config, database));
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, name: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`--${name}: ${translate('en', issue?.message ?? 'issue.invalid')}`);
  }
  return result.data;
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** The first program admin acts for commands that need an actor. */
async function programAdminActor(deps: AppDeps, email?: string): Promise<Actor> {
  return deps.account.uow.run(async (tx) => {
    const vendor = await tx.organisations.findVendorOrganisation();
    if (!vendor) throw new Error('cosell is not set up yet: run `cosell setup` first');
    // The operator at the command line acts inside the vendor organisation.
    await tx.widenScope({ organisationIds: [vendor.id] });
    const members = await tx.memberships.listMembers(vendor.id);
    const admin = members.find(
      (m) => m.roles.includes('program-admin') && (!email || m.user.email === email),
    );
    if (!admin) throw new Error('no program admin found');
    await tx.widenScope({ userId: admin.userId });
    return {
      userId: admin.userId,
      sessionId: null,
      memberships: await tx.memberships.listMembershipsOfUser(admin.userId),
    };
  });
}

/** The command-line option behind each field of a token's input. */
const TOKEN_OPTIONS: Record<string, string> = {
  name: 'name',
  scopes: 'scope',
  roles: 'role',
  expiresInDays: 'expires-in',
};

function parseToken<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const option = TOKEN_OPTIONS[String(issue?.path[0])] ?? 'scope';
    const detail = issue?.message.includes('.') ? translate('en', issue.message) : issue?.message;
    throw new Error(`--${option}: ${detail ?? 'invalid'}`);
  }
  return result.data;
}

/** A person of the installation as the actor of their own tokens. */
async function personActor(deps: AppDeps, email: string): Promise<Actor> {
  return deps.account.uow.run(async (tx) => {
    const found = await tx.users.findUserByEmail(email);
    if (!found || found.disabledAt) throw new Error(`no active user ${email}`);
    await tx.widenScope({ userId: found.id });
    return {
      userId: found.id,
      sessionId: null,
      memberships: await tx.memberships.listMembershipsOfUser(found.id),
    };
  });
}

/** The role a service token's principal gets when `--role` is not given. */
const DEFAULT_SERVICE_ROLE: Record<OrganisationKind, Role> = {
  partner: 'contributor',
  vendor: 'reviewer',
  reseller: 'member',
};

const collect = (value: string, previous: string[]) => [...previous, value];

const describeToken = (t: ApiTokenRecord) =>
  [
    t.id,
    t.kind.padEnd(8),
    t.revokedAt ? 'revoked' : `expires ${t.expiresAt.toISOString().slice(0, 10)}`,
    t.lastUsedAt
      ? `last used ${t.lastUsedAt.toISOString()} from ${t.lastUsedIp ?? '?'}`
      : 'never used',
    t.scopes.join(','),
    t.name,
  ].join('  ');

function explain(error: unknown): never {
  if (error instanceof AppError) {
    const issues = error.issues.map(
      (i) => `  ${i.path.join('.')}: ${translate('en', i.code, i.params)}`,
    );
    throw new Error([translate('en', error.messageKey, error.params), ...issues].join('\n'));
  }
  throw error;
}

export async function run(argv: string[]) {
  const program = new Command('cosell')
    .description('cosell: an open co-sell platform')
    .showHelpAfterError()
    // A wrong option (a --kind or --role not in its list…) is an error the caller sees once:
    // bin.ts prints it; help and --version still end the process as usual.
    .configureOutput({ outputError: () => {} })
    .exitOverride((error) => {
      if (error.exitCode !== 0) throw new Error(error.message);
    })
    .hook('preAction', (_program, action) => {
      commandName = action.parent?.parent
        ? `${action.parent.name()} ${action.name()}`
        : action.name();
    });

  program
    .command('serve', { isDefault: true })
    .description('start the web app and API (PGlite under DATA_DIR unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'port (default 3000 or PORT)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig({ ...process.env, ...(options.port && { PORT: options.port }) });
      const server = await startServer(config);
      const stop = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() =>
      withDeps(async (deps) => console.log(`migrations applied (${deps.database.kind})`)),
    );

  program
    .command('setup')
    .description('first run: create the vendor organisation and its first program admin')
    .option('--organisation <name>', 'vendor organisation name')
    .option('--name <name>', 'your name')
    .option('--email <email>', 'your e-mail address')
    .option('--password <password>', 'password (asked for when omitted; or COSELL_PASSWORD)')
    .action((o: { organisation?: string; name?: string; email?: string; password?: string }) =>
      withDeps(async (deps) => {
        if (!(await isSetupNeeded(deps.account)))
          throw new Error(translate('en', 'error.SETUP_DONE'));
        const input = {
          organisationName: parse(
            OrganisationNameSchema,
            o.organisation ?? (await prompt('Vendor organisation name: ')),
            'organisation',
          ),
          name: parse(PersonNameSchema, o.name ?? (await prompt('Your name: ')), 'name'),
          email: parse(EmailSchema, o.email ?? (await prompt('E-mail: ')), 'email'),
          password: parse(
            PasswordSchema,
            o.password ??
              process.env.COSELL_PASSWORD ??
              (await prompt('Password (10+ characters): ')),
            'password',
          ),
          locale: 'en' as const,
        };
        await completeSetup(deps.account, input, { ip: 'cli' }).catch(explain);
        console.log(
          `Set up "${input.organisationName}" with program admin ${input.email}. Sign in with \`cosell serve\`.`,
        );
      }),
    );

  const org = program.command('org').description('organisations');
  org
    .command('list')
    .addOption(
      new Option('--kind <kind>', 'only organisations of this kind').choices([
        'vendor',
        'partner',
        'reseller',
      ]),
    )
    .action((o: { kind?: 'vendor' | 'partner' | 'reseller' }) =>
      withDeps(async (deps) => {
        const page = await deps.account.uow.run((tx) =>
          tx.organisations.listOrganisations({
            limit: 1000,
            offset: 0,
            kinds: o.kind ? [o.kind] : undefined,
          }),
        );
        for (const item of page.items)
          console.log(`${item.id}  ${item.kind.padEnd(8)}  ${item.name}`);
        console.log(`${page.total} organisation(s)`);
      }),
    );
  org
    .command('create')
    .addOption(
      new Option('--kind <kind>', 'kind of organisation')
        .choices(['partner', 'reseller'])
        .makeOptionMandatory(),
    )
    .requiredOption('--name <name>', 'organisation name')
    .action((o: { kind: 'partner' | 'reseller'; name: string }) =>
      withDeps(async (deps) => {
        const actor = await programAdminActor(deps);
        const created = await createOrganisation(deps.account, actor, {
          kind: o.kind,
          name: parse(OrganisationNameSchema, o.name, 'name'),
        }).catch(explain);
        console.log(`${created.id}  ${created.kind}  ${created.name}`);
      }),
    );

  const user = program.command('user').description('people');
  user
    .command('list')
    .description('everyone, with their organisations and roles there')
    .action(() =>
      withDeps(async (deps) => {
        const page = await deps.account.uow.run((tx) =>
          tx.users.listUsers({ limit: 1000, offset: 0 }),
        );
        for (const item of page.items) {
          // Each person's memberships are theirs to read: one short transaction each.
          const memberships = await deps.account.uow.run(async (tx) => {
            await tx.widenScope({ userId: item.id });
            return tx.memberships.listMembershipsOfUser(item.id);
          });
          const where = memberships
            .map((m) => `${m.organisation.name} (${m.roles.join(', ')})`)
            .join('; ');
          console.log(
            `${item.id}  ${item.email.padEnd(32)}  ${item.name}${item.disabledAt ? '  (disabled)' : ''}  ${where || 'no organisation'}`,
          );
        }
        console.log(`${page.total} user(s)`);
      }),
    );
  user
    .command('invite')
    .description('invite someone into an organisation; prints the link')
    .requiredOption('--organisation <id>', 'organisation id')
    .requiredOption('--email <email>', 'their e-mail')
    .addOption(
      new Option('--role <roles...>', 'one or more roles (those of the organisation’s kind)')
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .option(
      '--base-url <url>',
      'address cosell is reached at',
      process.env.PUBLIC_URL ?? 'http://localhost:3000',
    )
    .action((o: { organisation: string; email: string; role: string[]; baseUrl: string }) =>
      withDeps(async (deps) => {
        const actor = await programAdminActor(deps);
        const roles = o.role.map((r) => parse(RoleSchema, r, 'role'));
        const { token } = await inviteMember(deps.account, actor, o.organisation, {
          email: parse(EmailSchema, o.email, 'email'),
          roles,
        }).catch(explain);
        console.log(`${o.baseUrl.replace(/\/$/, '')}/invite/${token}`);
      }),
    );
  user
    .command('disable')
    .argument('<email>')
    .action((email: string) =>
      withDeps(async (deps) => {
        await deps.account.uow.run(async (tx) => {
          const found = await tx.users.findUserByEmail(email);
          if (!found) throw new Error(`no user ${email}`);
          await tx.users.updateUser(found.id, { disabledAt: deps.clock.now() });
          await tx.sessions.deleteSessionsOfUser(found.id);
        });
        console.log(`${email} disabled and signed out everywhere`);
      }),
    );
  user
    .command('reset-password')
    .argument('<email>')
    .option('--password <password>', 'new password (asked for when omitted)')
    .action((email: string, o: { password?: string }) =>
      withDeps(async (deps) => {
        const password = parse(
          PasswordSchema,
          o.password ?? (await prompt('New password: ')),
          'password',
        );
        const hash = await deps.account.passwords.hash(password);
        await deps.account.uow.run(async (tx) => {
          const found = await tx.users.findUserByEmail(email);
          if (!found) throw new Error(`no user ${email}`);
          await tx.users.updateUser(found.id, { passwordHash: hash });
          await tx.sessions.deleteSessionsOfUser(found.id);
        });
        console.log(`password of ${email} changed; their sessions ended`);
      }),
    );

  const token = program.command('token').description('API tokens (personal and service)');
  token
    .command('create')
    .description('create an API token; its secret is printed once, alone on the last line')
    .option('--user <email>', 'a personal token acting as this person')
    .option('--organisation <id>', 'a service token of this organisation')
    .requiredOption('--name <name>', 'what the token is for (e.g. crm)')
    .option('--scope <scope>', '<area>:read or <area>:write (repeatable)', collect, [])
    .option(
      '--role <role>',
      `role of a service token in its organisation (repeatable): ${ROLES.join(', ')}`,
      collect,
      [],
    )
    .option('--expires-in <duration>', 'lifetime such as 90d, 12w or 1y (at most a year)', '90d')
    .action(
      (o: {
        user?: string;
        organisation?: string;
        name: string;
        scope: string[];
        role: string[];
        expiresIn: string;
      }) =>
        withDeps(async (deps) => {
          if (Boolean(o.user) === Boolean(o.organisation))
            throw new Error('name either --user <email> or --organisation <id>');
          const days = parseDays(o.expiresIn);
          if (days === null) throw new Error('--expires-in: a number of days such as 90d');
          let issued;
          if (o.user) {
            const input = parseToken(CreatePersonalTokenSchema, {
              name: o.name,
              scopes: o.scope,
              expiresInDays: days,
            });
            const actor = await personActor(deps, o.user);
            issued = await createPersonalToken(deps.account, actor, input).catch(explain);
          } else {
            const organisationId = o.organisation!;
            const organisation = await deps.account.uow
              .run((tx) => tx.organisations.findOrganisation(organisationId))
              .catch(() => null);
            if (!organisation) throw new Error(`no organisation ${organisationId}`);
            const input = parseToken(CreateServiceTokenSchema, {
              name: o.name,
              scopes: o.scope,
              roles: o.role.length ? o.role : [DEFAULT_SERVICE_ROLE[organisation.kind]],
              expiresInDays: days,
            });
            issued = await operatorTokens
              .createServiceToken(deps.account, organisationId, input)
              .catch(explain);
          }
          console.log(describeToken(issued.token));
          console.log('The secret below is shown once; store it now:');
          console.log(issued.secret);
        }),
    );
  token
    .command('list')
    .description("a person's personal tokens or an organisation's service tokens")
    .option('--user <email>', 'personal tokens of this person')
    .option('--organisation <id>', 'service tokens of this organisation')
    .action((o: { user?: string; organisation?: string }) =>
      withDeps(async (deps) => {
        if (Boolean(o.user) === Boolean(o.organisation))
          throw new Error('name either --user <email> or --organisation <id>');
        const tokens = o.user
          ? await operatorTokens.listPersonalTokens(
              deps.account,
              (await personActor(deps, o.user)).userId,
            )
          : await operatorTokens.listServiceTokens(deps.account, o.organisation!);
        for (const item of tokens) console.log(describeToken(item));
        console.log(`${tokens.length} token(s)`);
      }),
    );
  token
    .command('revoke')
    .argument('<id>', 'the token id (from `cosell token list`)')
    .action((id: string) =>
      withDeps(async (deps) => {
        if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`no token ${id}`);
        const revoked = await operatorTokens.revokeToken(deps.account, id).catch(explain);
        console.log(`token ${revoked.id} (${revoked.name}) revoked`);
      }),
    );

  program
    .command('seed')
    .description('fill an empty installation')
    .requiredOption(
      '--demo',
      'build the demo program (vendor "Microsoft", partners, a reseller, people)',
    )
    .action(() =>
      withDeps(async (deps) => {
        if (!(await isSetupNeeded(deps.account)))
          throw new Error(
            'the database is not empty; seed --demo needs a fresh installation (remove ./data or use a new DATABASE_URL)',
          );
        const demo = await seedDemo(deps);
        console.log(`Demo program ready. Password for every account: ${demo.password}`);
        for (const account of demo.accounts) console.log(`  ${account}`);
      }),
    );

  await program.parseAsync(argv);
}
