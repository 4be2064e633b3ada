#!/usr/bin/env node
import { run } from './cli';

run(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
