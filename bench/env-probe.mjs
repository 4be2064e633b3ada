// Loaded into a measured server process by bench/tenant-read.mjs and bench/run.mjs
// (`node --import <this file>`), never by cosell itself: prints, from inside the child, the
// settings the benchmark means to pass, so a run shows what the measured process really got.
const keys = (process.env.BENCH_PROBE_KEYS ?? 'LOG_LEVEL,DB_POOL_SIZE,DATABASE_URL').split(',');
const shown = keys.map((key) => {
  const value = process.env[key];
  // The database name is what matters; a URL's password is nobody's business here.
  const safe = value && /^postgres(ql)?:/.test(value) ? value.replace(/\/\/[^@]*@/, '//') : value;
  return `${key}=${safe === undefined ? '(unset)' : safe === '' ? '(empty)' : safe}`;
});
process.stderr.write(
  `[in ${process.env.BENCH_PROBE_NAME ?? 'child'} pid ${process.pid}] node ${process.version} ` +
    `${process.execArgv.filter((a, i, all) => !a.includes('env-probe') && !(a === '--import' && all[i + 1]?.includes('env-probe'))).join(' ')}` +
    `${shown.join(' ')}\n`,
);
