/**
 * Global set-up of the fault suite: bundles the server as `npm run build` does (into a private
 * folder, so a concurrent e2e run keeps its dist/) and starts a PRIVATE PostgreSQL cluster on a
 * free loopback port. The machine's shared PostgreSQL is never touched. The cluster is torn
 * down at the end, also when a test fails or the run is interrupted.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleServer } from '../helpers/bundle';
import { createCluster, findPgBinDir, type ClusterInfo } from './cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The private cluster, or null when the PostgreSQL binaries are missing. */
    faultCluster: ClusterInfo | null;
    /** The bundled server (node <bundle> serve). */
    faultBundle: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
export const FAULT_OUT = path.join(ROOT, 'test-results/fault');
/** Per run, so that two runs on one machine do not overwrite each other's server. */
const BUILD_DIR = path.join(FAULT_OUT, `build-${process.pid}`);

const required = ['1', 'true'].includes(process.env.REQUIRE_PG ?? '');

export default async function setup(project: TestProject) {
  mkdirSync(path.join(FAULT_OUT, 'logs'), { recursive: true });
  project.provide('faultBundle', await bundleServer(BUILD_DIR));
  const removeBuild = () => rmSync(BUILD_DIR, { recursive: true, force: true });

  const binDir = findPgBinDir();
  if (!binDir) {
    const missing = 'PostgreSQL server binaries (initdb, pg_ctl, postgres) not found';
    if (required) {
      removeBuild();
      throw new Error(`REQUIRE_PG=1 but ${missing} (install postgresql or set COSELL_PG_BINDIR)`);
    }
    const message = `${missing}: the PostgreSQL fault scenarios are SKIPPED`;
    console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n${'!'.repeat(78)}\n`);
    project.provide('faultCluster', null);
    return removeBuild;
  }

  let cluster: Awaited<ReturnType<typeof createCluster>>;
  try {
    cluster = await createCluster(binDir);
  } catch (error) {
    removeBuild();
    throw error;
  }
  // Stop the cluster however the run ends (the teardown below is the normal way).
  const emergencyStop = () => {
    try {
      cluster.stopSync();
    } catch {
      // already down
    }
  };
  const onSignal = () => {
    emergencyStop();
    process.exit(130);
  };
  process.once('exit', emergencyStop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  project.provide('faultCluster', cluster.info);

  return async () => {
    emergencyStop();
    process.removeListener('exit', emergencyStop);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    rmSync(cluster.info.root, { recursive: true, force: true });
    removeBuild();
  };
}
