/**
 * The `cosell` command line, run in-process on its own embedded data folder: set-up, organisation
 * and user administration, and the demo seed on an empty installation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '@cosell/cli';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The CLI opens its own embedded database from DATA_DIR; the PostgreSQL project covers the
// same use cases through the API, so these run once, in the PGlite project.
const only = process.env.COSELL_TEST_DB === 'postgres' ? describe.skip : describe;

// Each command opens (and migrates) the embedded database again: a dozen opens in one test.
only('cosell command line', { timeout: 120_000 }, () => {
  let dataDir: string;
  const saved = { ...process.env };

  /** Runs one command and returns what it printed. */
  async function cosell(...args: string[]): Promise<string> {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      lines.push(parts.join(' '));
    });
    try {
      await run(['node', 'cosell', ...args]);
    } finally {
      log.mockRestore();
    }
    return lines.join('\n');
  }

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-cli-'));
    process.env.DATA_DIR = dataDir;
    process.env.LOG_LEVEL = 'silent';
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up, administers organisations and people, and refuses a second set-up', async () => {
    expect(await cosell('migrate')).toMatch(/migrations applied \(pglite\)/);
    const setup = await cosell(
      'setup',
      '--organisation',
      'Microsoft',
      '--name',
      'Ada',
      '--email',
      'ADA@example.com',
      '--password',
      'a long enough password',
    );
    expect(setup).toMatch(/program admin ada@example\.com/);
    await expect(
      cosell(
        'setup',
        '--organisation',
        'Other',
        '--name',
        'Eve',
        '--email',
        'eve@example.com',
        '--password',
        'a long enough password',
      ),
    ).rejects.toThrow(/already been set up/);

    const created = await cosell('org', 'create', '--kind', 'partner', '--name', 'Contoso');
    const id = created.split(/\s+/)[0]!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(
      cosell('org', 'create', '--kind', 'vendor', '--name', 'Second vendor'),
    ).rejects.toThrow(/Allowed choices are partner, reseller/);
    await expect(cosell('org', 'list', '--kind', 'partners')).rejects.toThrow(
      /Allowed choices are vendor, partner, reseller/,
    );
    const list = await cosell('org', 'list');
    expect(list).toMatch(/vendor\s+Microsoft/);
    expect(list).toMatch(/partner\s+Contoso/);
    expect(list).toMatch(/2 organisation\(s\)/);

    const link = await cosell(
      'user',
      'invite',
      '--organisation',
      id,
      '--email',
      'owner@contoso.example',
      '--role',
      'owner',
      '--base-url',
      'https://cosell.example/',
    );
    expect(link).toMatch(/^https:\/\/cosell\.example\/invite\/[\w-]{43}$/);
    await expect(
      cosell(
        'user',
        'invite',
        '--organisation',
        id,
        '--email',
        'x@contoso.example',
        '--role',
        'seller',
      ),
    ).rejects.toThrow(/seller/);
    await expect(
      cosell(
        'setup',
        '--organisation',
        'X',
        '--name',
        'Y',
        '--email',
        'not-an-email',
        '--password',
        'a long enough password',
      ),
    ).rejects.toThrow();

    // Each person with their organisations and roles there.
    expect(await cosell('user', 'list')).toMatch(/ada@example\.com.*Microsoft \(program-admin\)/);
    await expect(
      cosell(
        'user',
        'invite',
        '--organisation',
        id,
        '--email',
        'y@contoso.example',
        '--role',
        'boss',
      ),
    ).rejects.toThrow(/Allowed choices are owner, manager/);
    expect(await cosell('user', 'disable', 'ada@example.com')).toMatch(/disabled/);
    expect(await cosell('user', 'list')).toMatch(/ada@example\.com.*\(disabled\)/);
    await expect(cosell('seed', '--demo')).rejects.toThrow(/not empty/);
  });
});

only('cosell seed --demo', { timeout: 120_000 }, () => {
  it('builds the demo program on an empty installation', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-demo-'));
    const saved = { ...process.env };
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      lines.push(parts.join(' '));
    });
    try {
      await run(['node', 'cosell', 'seed', '--demo']);
      await run(['node', 'cosell', 'org', 'list']);
    } finally {
      log.mockRestore();
      process.env = saved;
      rmSync(dataDir, { recursive: true, force: true });
    }
    const out = lines.join('\n');
    expect(out).toMatch(/Password for every account: cosell-demo-2026/);
    expect(out).toMatch(/vendor\s+Microsoft/);
    expect(out).toMatch(/partner\s+Contoso Analytics/);
    expect(out).toMatch(/reseller\s+Adatum Cloud Resellers/);
    expect(out).toMatch(/5 organisation\(s\)/);
  });
});
