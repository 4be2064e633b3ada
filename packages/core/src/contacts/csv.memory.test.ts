/**
 * P5: import streams — memory stays flat however long the file. 200,000 rows of ~200
 * characters (non-Latin text, so V8 stores them two bytes a character) would take ~80 MB
 * held as text and more as parsed rows, so keeping the live heap growth under 50 MB shows that
 * neither the text nor the rows are accumulated.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { parseContactsCsv } from './csv';

const ROWS = 200_000;
const ROWS_PER_CHUNK = 250;
const SAMPLE_EVERY = 20_000;

/** Full garbage collection: the exposed `gc`, or one obtained by enabling the flag now. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function row(i: number): string {
  // Every 1,000th row is bad, so issues are counted too.
  const email = i % 1000 === 0 ? `bad${i}@` : `person${i}@example.com`;
  const title = `Kierownik ds. sprzedaży i współpracy z partnerami 销售经理 nr ${i}, region ""Północ""`;
  return `Łucja Żółtowska-Wiśniewska 李小龍 ${i},${email},"${title}",Partner sales,"US, CA, PL, SE, CN, TW",US-WA\r\n`;
}

/** The file, generated while it is read: never whole in memory. */
async function* file(): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode('\ufeffName,Email,Job title,Role,Countries/Regions,States/Provinces\r\n');
  for (let start = 0; start < ROWS; start += ROWS_PER_CHUNK) {
    let text = '';
    for (let i = start; i < start + ROWS_PER_CHUNK; i++) text += row(i);
    yield encoder.encode(text);
  }
}

it(`parses ${ROWS.toLocaleString('en')} rows with flat memory`, async () => {
  const gc = collector();
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let rows = 0;
  let bad = 0;
  let lastRow = 0;
  const started = performance.now();
  for await (const parsed of parseContactsCsv(file())) {
    rows++;
    if (parsed.issueCount > 0) bad++;
    lastRow = parsed.row;
    if (rows % SAMPLE_EVERY === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  expect(rows).toBe(ROWS);
  expect(bad).toBe(ROWS / 1000);
  expect(lastRow).toBe(ROWS + 1);
  expect(peak).toBeLessThan(50 * 1024 * 1024);
  console.info(
    `${ROWS} rows in ${seconds.toFixed(1)} s, live heap growth ${(peak / 1024 / 1024).toFixed(1)} MB`,
  );
}, 30_000);
