/**
 * Records that try to break the site (tests/fixtures/hostile/README.md): each fails check:content
 * (and so the build) with its file, its field and what is wrong, never a crash or a silent skip.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { RECORD_LIMITS } from '../../src/lib/record/limits.ts';
import { checkContent } from '../../src/node/content-check.ts';
import { exampleRecord, ROOT } from '../helpers.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/hostile');
const check = (dir: string) => checkContent(dir, { root: ROOT, rules: false });
/** Error lines without the directory, as `<path>: <field>: <message>`. */
const lines = (dir: string) =>
  check(dir)
    .lines.slice(0, -1)
    .filter((line) => !line.includes(': warning: '))
    .map((line) => line.replace(`${dir}/`, '').replace(`${relative(ROOT, dir)}/`, ''));

test('a byte order mark is named, not reported as a JSON syntax error', () => {
  assert.deepEqual(lines(join(FIXTURES, 'bom')), ['app/with-bom.json: (file): starts with a byte order mark (BOM, U+FEFF): save it as UTF-8 without a BOM']);
});

test('a key nested 2,000 levels deep is reported at the depth limit, with its file and field', () => {
  const report = lines(join(FIXTURES, 'deep'));
  assert.equal(report.length, 1, report.join('\n'));
  assert.match(report[0]!, new RegExp(`^app/deep\\.json: notes(\\.a){${RECORD_LIMITS.depth - 1}}: is nested more than ${RECORD_LIMITS.depth} levels deep$`));
});

test('names the build writes at the top of the site cannot be domains, nor index.html a slug', () => {
  const report = lines(join(FIXTURES, 'reserved'));
  for (const domain of ['robots.txt', 'pagefind-sorted', 'sitemap-0.xml']) {
    assert.ok(report.some((line) => line.startsWith(`${domain}/x.json: domain: "${domain}" is reserved`)), `${domain}\n${report.join('\n')}`);
  }
  assert.ok(report.some((line) => line.startsWith('app/index.html.json: id: its slug "index.html" is the name of the domain page\'s own file')), report.join('\n'));
});

test('JSON files where no record can be are reported, not skipped', () => {
  const { result, lines: report } = check(join(FIXTURES, 'misplaced'));
  assert.equal(result.records.length, 1);
  assert.deepEqual(report.slice(0, -1).filter((line) => !line.includes(': warning: ')).map((line) => line.replace('tests/fixtures/hostile/misplaced/', '')).sort(), [
    'app/nested/deeper.json: (file): is not at <domain>/<slug>.json, so it is not read as a record: move it there or remove it',
    'stray.json: (file): is not at <domain>/<slug>.json, so it is not read as a record: move it there or remove it',
  ]);
});

test('control and bidi characters are escaped in every report, file names included', () => {
  const report = lines(join(FIXTURES, 'bidi')).join('\n');
  assert.ok(!/[\u0000\u202e]/.test(report), 'no raw control or bidi character');
  assert.match(report, /app\/evil\\u\{202E\}gnp\.json: id: must be "<domain>\/<slug>"/);
  assert.match(report, /\(got "app\/evil\\u\{202E\}gnp"\)/);
});

test('oversized records are refused with the limit in the message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-oversized-'));
  mkdirSync(join(dir, 'grpc'));
  const long = exampleRecord();
  long.signature = 'x'.repeat(1_000_000);
  writeFileSync(join(dir, 'grpc/grpc-connection-reset-by-peer.json'), JSON.stringify(long));
  const many = exampleRecord();
  many.id = 'grpc/many';
  many.workarounds = Array.from({ length: 10_000 }, (_, k) => ({ action: `step ${k}`, success_rate: 0.5 }));
  writeFileSync(join(dir, 'grpc/many.json'), JSON.stringify(many));
  const report = lines(dir);
  assert.ok(report.some((line) => new RegExp(`^grpc/grpc-connection-reset-by-peer\\.json: \\(file\\): is 10\\d{5} bytes; a record may have at most ${RECORD_LIMITS.fileBytes}$`).test(line)), report.join('\n'));
  assert.ok(report.includes(`grpc/grpc-connection-reset-by-peer.json: signature: is 1000000 characters long; at most ${RECORD_LIMITS.lineChars} are allowed here`), report.join('\n'));
  assert.ok(report.includes(`grpc/many.json: workarounds: has 10000 items; a list may have at most ${RECORD_LIMITS.listItems}`), report.join('\n'));
});
