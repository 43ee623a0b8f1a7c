/**
 * A memo in front of Web Crypto's `digest` for the build's process. Astro hashes every inline
 * script and style of every page for the Content-Security-Policy, with `crypto.subtle.digest`, each
 * call an asynchronous job on Node's thread pool: at 2,522 records about 4 % of page rendering,
 * for the same few scripts on every page (docs/benchmarks.md, "Build"). Astro keeps no cache of its
 * own, so this keeps one where it calls: the same algorithm and bytes give the same digest, computed
 * once. Anything else (a large input, an algorithm given as an object) goes straight through.
 */

type Digest = SubtleCrypto['digest'];

/** Inputs above this size are not remembered: inline scripts and styles are a few kilobytes. */
export const MAX_REMEMBERED_BYTES = 64 * 1024;
/** At most this many digests are kept (a few per distinct inline script or style). */
export const MAX_ENTRIES = 1024;

function bytesOf(data: BufferSource): Uint8Array | null {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return null;
}

/** `digest` with a memo: each call resolves to a fresh ArrayBuffer, as Web Crypto's does. */
export function memoizedDigest(digest: Digest): Digest {
  const known = new Map<string, Promise<ArrayBuffer>>();
  return (algorithm: AlgorithmIdentifier, data: BufferSource) => {
    const bytes = typeof algorithm === 'string' ? bytesOf(data) : null;
    if (!bytes || bytes.byteLength > MAX_REMEMBERED_BYTES) return digest(algorithm, data);
    const key = `${algorithm}\n${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')}`;
    let found = known.get(key);
    if (!found) {
      if (known.size >= MAX_ENTRIES) known.clear();
      found = digest(algorithm, bytes.slice());
      known.set(key, found);
      // A failed digest is not remembered: the next call tries again.
      found.catch(() => known.delete(key));
    }
    return found.then((buffer) => buffer.slice(0));
  };
}

/** Puts the memo in front of this process's `crypto.subtle.digest`, once. */
export function rememberDigests(subtle: SubtleCrypto = globalThis.crypto.subtle): void {
  if ((subtle.digest as Digest & { memoized?: true }).memoized) return;
  const memo = Object.assign(memoizedDigest(subtle.digest.bind(subtle)), { memoized: true as const });
  Object.defineProperty(subtle, 'digest', { value: memo, configurable: true, writable: true });
}
