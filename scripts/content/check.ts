/**
 * `npm run check:content`: check every record against the format and, for the shipped knowledge base,
 * the editorial rules (src/node/content-check.ts); print every problem at once. Exit status 1 if any
 * error (warnings alone pass).
 */
import { checkContent } from '../../src/node/content-check.ts';
import { recordsDir } from '../../src/node/records.ts';

const dir = recordsDir();
const { result, rules, lines } = checkContent(dir);
for (const line of lines.slice(0, -1)) console.log(line);
const scope = rules ? 'format and editorial rules' : 'format';
console.log(`${result.errorCount > 0 ? 'check:content failed' : 'check:content passed'} (${scope}): ${lines.at(-1)} (${dir})`);
process.exitCode = result.errorCount > 0 ? 1 : 0;
