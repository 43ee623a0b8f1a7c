/**
 * `npm run check:content`: validate every record and print every problem at once.
 * Exit status 1 if any error (warnings alone pass).
 */
import { checkContent } from '../../src/node/content-check.ts';
import { recordsDir } from '../../src/node/records.ts';

const dir = recordsDir();
const { result, lines } = checkContent(dir);
for (const line of lines.slice(0, -1)) console.log(line);
console.log(`${result.errorCount > 0 ? 'check:content failed' : 'check:content passed'}: ${lines.at(-1)} (${dir})`);
process.exitCode = result.errorCount > 0 ? 1 : 0;
