import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;
import type { PasswordHasher, Secrets } from '@cosell/core';

/** 256-bit tokens from the OS CSPRNG; stored only as their sha256. */
export const nodeSecrets: Secrets = {
  token: () => randomBytes(32).toString('base64url'),
  hashToken: (token) => createHash('sha256').update(token).digest('base64url'),
};

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes). `fast` lowers the cost for
 * test factories only; verification reads the parameters from the stored hash either way.
 */
export function createPasswordHasher(fast = false): PasswordHasher {
  const options = fast
    ? { algorithm: ARGON2ID, memoryCost: 1024, timeCost: 1, parallelism: 1 }
    : { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
