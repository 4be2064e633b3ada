/**
 * The `cosell` command line: serve, migrate, set up, administer organisations and users, and
 * seed a demo program. Every command goes through the same use cases as the API.
 */
import { createInterface } from 'node:readline/promises';
import {
  AppError,
  completeSetup,
  createOrganisation,
  EmailSchema,
  inviteMember,
  isSetupNeeded,
  OrganisationNameSchema,
  PasswordSchema,
  PersonNameSchema,
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
import { Command } from 'commander';
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
    .option('--kind <kind>', 'vendor | partner | reseller')
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
    .requiredOption('--kind <kind>', 'partner | reseller')
    .requiredOption('--name <name>', 'organisation name')
    .action((o: { kind: string; name: string }) =>
      withDeps(async (deps) => {
        if (o.kind !== 'partner' && o.kind !== 'reseller')
          throw new Error('--kind: partner or reseller');
        const actor = await programAdminActor(deps);
        const created = await createOrganisation(deps.account, actor, {
          kind: o.kind,
          name: parse(OrganisationNameSchema, o.name, 'name'),
        }).catch(explain);
        console.log(`${created.id}  ${created.kind}  ${created.name}`);
      }),
    );

  const user = program.command('user').description('people');
  user.command('list').action(() =>
    withDeps(async (deps) => {
      const page = await deps.account.uow.run((tx) =>
        tx.users.listUsers({ limit: 1000, offset: 0 }),
      );
      for (const item of page.items)
        console.log(
          `${item.id}  ${item.email.padEnd(32)}  ${item.name}${item.disabledAt ? '  (disabled)' : ''}`,
        );
      console.log(`${page.total} user(s)`);
    }),
  );
  user
    .command('invite')
    .description('invite someone into an organisation; prints the link')
    .requiredOption('--organisation <id>', 'organisation id')
    .requiredOption('--email <email>', 'their e-mail')
    .requiredOption('--role <roles...>', 'one or more roles')
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
