/**
 * Writes every record's API file (`_api/v1/records/<domain>/<slug>.json`) into a folder laid out as
 * the site is, with the bytes the record route would render (`recordApiFile`, lib/api/v1.ts). Used
 * by the build's content check (scripts/build/check-records.ts), which holds the validated records
 * anyway (lib/api/files.ts says how the files reach the site).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { recordApiFile } from '../lib/api/v1.ts';
import type { ErrorRecord } from '../lib/record/schema.ts';

/** Writes the files under `dir`; returns how many. `site` is the site's URL, as Astro's `site` gives it. */
export function writeRecordApiFiles(records: readonly ErrorRecord[], site: string, dir: string): number {
  const folders = new Set<string>();
  for (const record of records) {
    const { file, body } = recordApiFile(record, site);
    const target = join(dir, file);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, body);
  }
  return records.length;
}
