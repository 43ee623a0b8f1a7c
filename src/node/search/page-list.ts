/**
 * A Pagefind page list (`pagefind.<lang>_<hash>.pf_meta`) without its sort orders: how the default
 * bundle is made from the sorted one without indexing the site twice (`indexer.ts`).
 *
 * Pagefind 1.6 writes the page list as gzip of `pagefind_dcd` followed by one CBOR array: version,
 * pages, index chunks, filters, **sorts**, meta field names. Each sort is `[key, [page numbers…]]`;
 * a bundle indexed without sort keys has an empty array there and is otherwise the same bytes (the
 * index chunks, filters and fragments do not depend on the sorts). The file's name is the language
 * and the first `language.length + 8` characters of the SHA-1 of the CBOR bytes (see `pageListName`), so the new list gets
 * the name Pagefind would have given it. Only the sorts element is replaced, byte for byte; every
 * other byte is copied as Pagefind wrote it.
 *
 * If the format is not the one described (a newer Pagefind), this throws rather than guess: the
 * build fails with the reason, and the indexer can go back to two passes.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';
/** Position of the sorts in the page list's top-level array. */
const SORTS_AT = 4;
const TOP_LEVEL_ITEMS = 6;

interface Head { major: number; value: number; length: number }

function readHead(bytes: Buffer, at: number): Head {
  if (at >= bytes.length) throw new Error('unexpected end of data');
  const initial = bytes[at]!;
  const major = initial >> 5;
  const info = initial & 31;
  if (info < 24) return { major, value: info, length: 1 };
  if (info === 24) return { major, value: bytes.readUInt8(at + 1), length: 2 };
  if (info === 25) return { major, value: bytes.readUInt16BE(at + 1), length: 3 };
  if (info === 26) return { major, value: bytes.readUInt32BE(at + 1), length: 5 };
  if (info === 27) return { major, value: Number(bytes.readBigUInt64BE(at + 1)), length: 9 };
  throw new Error(`CBOR item with additional info ${info} at byte ${at} (indefinite lengths are not expected)`);
}

/** The offset just past the CBOR data item starting at `at`. */
function skipItem(bytes: Buffer, at: number): number {
  const head = readHead(bytes, at);
  let next = at + head.length;
  switch (head.major) {
    case 0: // unsigned
    case 1: // negative
    case 7: // simple, float
      return next;
    case 2: // bytes
    case 3: // text
      return next + head.value;
    case 4: // array
      for (let i = 0; i < head.value; i += 1) next = skipItem(bytes, next);
      return next;
    case 5: // map
      for (let i = 0; i < 2 * head.value; i += 1) next = skipItem(bytes, next);
      return next;
    default: // 6: tag
      return skipItem(bytes, next);
  }
}

function readText(bytes: Buffer, at: number): string {
  const head = readHead(bytes, at);
  if (head.major !== 3) throw new Error(`expected text at byte ${at}`);
  return bytes.toString('utf8', at + head.length, at + head.length + head.value);
}

export interface PageList {
  /** `pagefind.<lang>_<hash>.pf_meta` */
  name: string;
  /** The file as stored: gzip of the signature and the CBOR bytes. */
  stored: Buffer;
  /** The sort keys the source list held (and this one does not). */
  removed: string[];
}

/**
 * Pagefind's name for a language's page list with these CBOR bytes. Pagefind writes the SHA-1 with
 * each byte in hex without padding (`0f` is `f`), so this is not the usual hex digest.
 */
export function pageListName(language: string, cbor: Buffer): string {
  const hash = [...createHash('sha1').update(cbor).digest()].map((byte) => byte.toString(16)).join('').slice(0, language.length + 8);
  return `pagefind.${language}_${hash}.pf_meta`;
}

/** The page list `stored` (a `.pf_meta` file's bytes, of `language`) with its sort orders taken out. */
export function pageListWithoutSorts(stored: Buffer, language: string): PageList {
  const decoded = gunzipSync(stored);
  if (decoded.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`the ${language} page list does not start with ${SIGNATURE}`);
  const cbor = decoded.subarray(SIGNATURE.length);
  const top = readHead(cbor, 0);
  if (top.major !== 4 || top.value !== TOP_LEVEL_ITEMS) throw new Error(`the ${language} page list is not the ${TOP_LEVEL_ITEMS}-item array of Pagefind 1.6`);
  let at = top.length;
  for (let i = 0; i < SORTS_AT; i += 1) at = skipItem(cbor, at);
  const sortsStart = at;
  const sortsEnd = skipItem(cbor, sortsStart);
  if (skipItem(cbor, sortsEnd) !== cbor.length) throw new Error(`the ${language} page list has bytes past its last item`);
  const sorts = readHead(cbor, sortsStart);
  if (sorts.major !== 4) throw new Error(`item ${SORTS_AT} of the ${language} page list is not the array of sorts`);
  const removed: string[] = [];
  let sort = sortsStart + sorts.length;
  for (let i = 0; i < sorts.value; i += 1) {
    const pair = readHead(cbor, sort);
    if (pair.major !== 4 || pair.value !== 2) throw new Error(`sort ${i} of the ${language} page list is not [key, pages]`);
    removed.push(readText(cbor, sort + pair.length));
    sort = skipItem(cbor, sort);
  }
  // An empty CBOR array (0x80) where the sorts were, as Pagefind writes a page list without sort keys.
  const without = Buffer.concat([cbor.subarray(0, sortsStart), Buffer.from([0x80]), cbor.subarray(sortsEnd)]);
  return {
    name: pageListName(language, without),
    stored: gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), without]), { level: 9 }),
    removed,
  };
}
