/**
 * Compares two built sites file by file: `node scripts/bench/diff-sites.ts <before> <after>`.
 *
 * For a change meant to leave the output as it is (a faster build): every file of either site must
 * be in the other with the same bytes. Pagefind's gzipped files (`.pf_meta`, `.pf_index`,
 * `.pf_fragment`, `.pf_filter`) that differ as stored are compared decoded too, and reported apart:
 * the same content under the same name, compressed differently. Prints a summary and every
 * difference; exits 1 if any file is missing or differs once decoded.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node scripts/bench/diff-sites.ts <before-dir> <after-dir>');
  process.exit(2);
}

function list(dir: string, under = dir, found: string[] = []): string[] {
  for (const entry of readdirSync(under, { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) list(dir, path, found);
    else found.push(relative(dir, path));
  }
  return found;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const a = new Set(list(before));
const b = new Set(list(after));
const missing = [...a].filter((file) => !b.has(file)).sort();
const added = [...b].filter((file) => !a.has(file)).sort();
const recompressed: string[] = [];
const changed: string[] = [];
let same = 0;
for (const file of [...a].filter((name) => b.has(name)).sort()) {
  const x = readFileSync(join(before, file));
  const y = readFileSync(join(after, file));
  if (x.equals(y)) {
    same += 1;
    continue;
  }
  if (/\.pf_(meta|index|fragment|filter)$/.test(file) && sha(gunzipSync(x)) === sha(gunzipSync(y))) recompressed.push(`${file} (${x.length} → ${y.length} bytes stored)`);
  else changed.push(file);
}
console.log(`${a.size} files before, ${b.size} after: ${same} byte-identical, ${recompressed.length} the same once decoded, ${changed.length} changed, ${missing.length} missing, ${added.length} added`);
for (const [label, files] of [['same once decoded', recompressed], ['changed', changed], ['missing', missing], ['added', added]] as const) {
  for (const file of files) console.log(`${label}: ${file}`);
}
process.exitCode = changed.length + missing.length + added.length > 0 ? 1 : 0;
