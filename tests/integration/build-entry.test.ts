/**
 * `npm run build`'s entry point (scripts/build/site.mjs): Astro's build, then the search index in a
 * process of its own once Astro has exited; and a build whose Astro step hands no output over (the
 * Pagefind integration gone from the config) fails rather than ship pages without their index.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import { exampleRecord, ROOT } from '../helpers.ts';

function recordsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-entry-'));
  mkdirSync(join(dir, 'grpc'));
  writeFileSync(join(dir, 'grpc', 'grpc-connection-reset-by-peer.json'), JSON.stringify(exampleRecord()));
  return dir;
}

const build = (dir: string, args: string[]) =>
  spawnSync(process.execPath, ['scripts/build/site.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_ERRORS_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1', ATLAS_SKIP_PAGEFIND: '' },
    encoding: 'utf8',
  });

test('npm run build indexes the site after astro build has exited: both bundles, every language', () => {
  const dir = recordsDir();
  try {
    const outDir = join(dir, 'dist');
    const run = build(dir, ['--outDir', outDir]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    // Astro colours its log where the environment asks for colour (CI does): compare the text.
    const log = stripVTControlCharacters(run.stdout);
    // In this order: Astro hands over, Astro's last line, then the index.
    const handedOver = log.indexOf('the search index is written once this process has exited');
    const complete = log.indexOf('[build] Complete!');
    const indexed = log.indexOf('astro build has exited; indexing');
    assert.ok(handedOver >= 0 && handedOver < complete && complete < indexed, log.slice(-3000));
    assert.match(log, /indexed \d+ pages in en, zh-cn .*2 passes, one per language/);
    // The records are checked once, beside Astro's start-up, and the verdict came before Astro bundled anything.
    assert.equal(log.match(/records checked: 0 errors, 0 warnings in 1 record file/g)?.length, 1, log.slice(0, 3000));
    assert.ok(log.indexOf('records checked:') < log.indexOf('Building static entrypoints'), log.slice(0, 3000));
    // The record's API file: written by the content check, not rendered as a page, moved into the site.
    assert.doesNotMatch(log, /├─ \/_api\/v1\/records\//, 'the record API file was rendered by Astro');
    const api = JSON.parse(readFileSync(join(outDir, '_api', 'v1', 'records', 'grpc', 'grpc-connection-reset-by-peer.json'), 'utf8')) as { id: string; json: string };
    assert.equal(api.id, 'grpc/grpc-connection-reset-by-peer');
    assert.match(api.json, /\/_api\/v1\/records\/grpc\/grpc-connection-reset-by-peer\.json$/);
    for (const bundle of ['pagefind', 'pagefind-sorted']) {
      const entry = JSON.parse(readFileSync(join(outDir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      assert.deepEqual(Object.keys(entry.languages), ['en', 'zh-cn'], bundle);
      // The record and the guides, in each language.
      assert.ok(entry.languages.en!.page_count > 1, bundle);
      assert.equal(entry.languages['zh-cn']!.page_count, entry.languages.en!.page_count, bundle);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a build whose Astro step hands no output directory over fails, saying why', () => {
  const dir = recordsDir();
  try {
    const outDir = join(dir, 'dist');
    const config = join(dir, 'astro.config.mjs');
    writeFileSync(config, `import base from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\nexport default { ...base, integrations: base.integrations.filter((i) => i.name !== 'error-atlas:pagefind') };\n`);
    // Astro reads --config relative to the project.
    const run = build(dir, ['--config', relative(ROOT, config), '--outDir', outDir]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /astro build exited without handing over its output directory \(ATLAS_INDEX_HANDOFF\)/);
    assert.equal(existsSync(join(outDir, 'pagefind')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run build checks the records beside Astro: an invalid record fails the build with the full report, no site written', () => {
  const dir = recordsDir();
  try {
    const record = exampleRecord();
    record.resolvable = 'maybe';
    record.workarounds[0].sources = ['javascript:alert(1)'];
    writeFileSync(join(dir, 'grpc', 'grpc-connection-reset-by-peer.json'), JSON.stringify(record));
    const outDir = join(dir, 'dist');
    const run = build(dir, ['--outDir', outDir]);
    const output = stripVTControlCharacters(run.stdout + run.stderr);
    assert.notEqual(run.status, 0, 'the build must fail');
    assert.match(output, /grpc-connection-reset-by-peer\.json: workarounds\[0\]\.sources\[0\]: must be an absolute http:\/\/ or https:\/\/ URL/);
    assert.match(output, /grpc-connection-reset-by-peer\.json: resolvable: must be "true", "partial" or "false" \(got "maybe"\)/);
    assert.match(output, /The records failed validation: 2 errors, 0 warnings in 1 record file/);
    assert.equal(existsSync(join(outDir, 'index.html')), false, 'no partial site is written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
