/**
 * Configuration, parsed once at start from the environment. A bad value stops the process with
 * a message naming every bad key; nothing else reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';

const MEBIBYTE = 1024 * 1024;

/** Hosts only this machine can reach: without PUBLIC_URL, links point at localhost. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** postgres://… — when unset, embedded PGlite stores its data under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * The address users reach cosell at; used in invitation links (never the request's Host
   * header). Required unless HOST is a loopback address.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Trust X-Forwarded-* from a reverse proxy (needed for https detection behind one). */
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** smtp://user:pass@host:port — when unset, mail is written to the log. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('cosell <no-reply@localhost>'),
  /** Where uploaded documents are stored (local filesystem blob store). */
  BLOB_DIR: z.string().min(1).optional(),
  /** Largest co-sell document other than a video, in MB (1 MB = 1,048,576 bytes). */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(50),
  /** Largest video (.mp4), in MB. */
  UPLOAD_VIDEO_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(100),
  /** Largest contacts CSV file, in MB. */
  CONTACTS_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(200),
  /**
   * Lets program admins move the clock forward (POST /api/system/clock), to try time-based
   * rules such as the badge that appears 30 days after a status. Never in production.
   */
  CLOCK_CONTROL: bool.default(false),
  /** Run the background job worker in this process (off for API-only replicas). */
  JOB_WORKER: bool.default(true),
  /** Published rate limits of the API (ADR 014); off only for benchmarks and private set-ups. */
  RATE_LIMITS: bool.default(true),
  /** The window of every limit, in seconds: its quota may be spent in a burst within it. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** Reads (GET) per window per API token, or per organisation for signed-in sessions. */
  RATE_LIMIT_READS: z.coerce.number().int().min(1).default(2000),
  /** Writes (POST, PUT, PATCH, DELETE) per window per API token or organisation. */
  RATE_LIMIT_WRITES: z.coerce.number().int().min(1).default(500),
  /** Requests per window per address to routes anyone may call (sign-in, the storefront). */
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).default(600),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Without trailing slash; `http://localhost:<port>` when unset on a loopback host. */
  publicUrl: string;
  logLevel: string;
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  dbPoolSize: number;
  statementTimeoutMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  blobDir: string;
  /** Upload limits in bytes. */
  uploads: { videoMaxBytes: number; otherMaxBytes: number; contactsMaxBytes: number };
  clockControl: boolean;
  jobWorker: boolean;
  /** Published API rate limits (null when switched off): requests per window of `windowSeconds`. */
  rateLimits: {
    windowSeconds: number;
    reads: number;
    writes: number;
    anonymous: number;
  } | null;
  /** Cheaper argon2id parameters; only test factories set this. */
  fastPasswordHashing: boolean;
}

/** Parses the environment; throws one error listing every bad key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (FOO=) means unset, as in most twelve-factor apps.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!e.PUBLIC_URL && !LOOPBACK_HOST.test(e.HOST)) {
    throw new Error(
      `Invalid configuration:\n  PUBLIC_URL: required when HOST (${e.HOST}) is not a loopback address: ` +
        'set it to the address people open cosell at (for example https://cosell.example.com); ' +
        'invitation links are built from it, never from the Host header of a request',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    dbPoolSize: e.DB_POOL_SIZE,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    blobDir: path.resolve(e.BLOB_DIR ?? path.join(e.DATA_DIR, 'blobs')),
    uploads: {
      videoMaxBytes: e.UPLOAD_VIDEO_MAX_MB * MEBIBYTE,
      otherMaxBytes: e.UPLOAD_MAX_MB * MEBIBYTE,
      contactsMaxBytes: e.CONTACTS_IMPORT_MAX_MB * MEBIBYTE,
    },
    clockControl: e.CLOCK_CONTROL,
    jobWorker: e.JOB_WORKER,
    rateLimits: e.RATE_LIMITS
      ? {
          windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
          reads: e.RATE_LIMIT_READS,
          writes: e.RATE_LIMIT_WRITES,
          anonymous: e.RATE_LIMIT_ANONYMOUS,
        }
      : null,
    fastPasswordHashing: false,
  };
}
