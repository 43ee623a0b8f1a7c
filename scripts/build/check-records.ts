/**
 * The build's content check in a process of its own: `node scripts/build/check-records.ts <verdict>`.
 * scripts/build/site.mjs starts it beside Astro's process, so that checking the records (about
 * 0.6 s at 2,522 records) overlaps Astro's start-up instead of adding to it; the content-check
 * integration then waits for the verdict before Astro bundles or renders anything
 * (src/integrations/content-check.ts). Prints what the integration would log, and writes the
 * verdict (`RecordsVerdict`, JSON) to the file named by its argument: written whole, then renamed,
 * so a reader never sees half of it.
 *
 * If the records pass and `RECORD_API_FILES_ENV` names a folder, it then writes each record's API
 * file there (lib/api/files.ts): the records are parsed and validated here already, and this process
 * has a core to itself while Astro starts, where Astro would render them as 2,522 pages.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { checkContent } from '../../src/node/content-check.ts';
import { recordsDir } from '../../src/node/records.ts';
import { RECORD_API_FILES_ENV } from '../../src/lib/api/files.ts';
import { siteUrl } from '../../src/lib/site-config.ts';
import { writeRecordApiFiles } from '../../src/node/record-api-files.ts';
import type { RecordsVerdict } from '../../src/integrations/content-check.ts';

const target = process.argv[2];
if (!target) throw new Error('usage: node scripts/build/check-records.ts <verdict file>');

const log = (message: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [error-atlas:content-check] ${message}`);

const dir = recordsDir();
// The format only, as the integration checks it (see there).
const { result, lines } = checkContent(dir, { rules: false });
for (const line of lines.slice(0, -1)) log(line);
const verdict: RecordsVerdict = { errorCount: result.errorCount, summary: `${lines.at(-1)} (${dir})` };
if (verdict.errorCount === 0) log(`records checked: ${verdict.summary}`);
else console.error(`The records failed validation: ${verdict.summary}. Fix the problems listed above.`);
writeFileSync(`${target}.partial`, JSON.stringify(verdict));
renameSync(`${target}.partial`, target);
process.exitCode = verdict.errorCount > 0 ? 1 : 0;
const apiFiles = process.env[RECORD_API_FILES_ENV];
if (verdict.errorCount === 0 && apiFiles) {
  // After the verdict, which Astro is waiting for, and at the lowest priority: Astro's start-up uses
  // more than one core, and these files are not needed before Astro has exited.
  try {
    setPriority(19);
  } catch {
    // Not allowed here: the files are written all the same.
  }
  // `site` as Astro hands it to the route: a URL's href.
  writeRecordApiFiles(result.records, new URL(siteUrl()).href, apiFiles);
}
