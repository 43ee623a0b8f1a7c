/**
 * Near twins: a corpus often holds one record per OS, version, country or backend for one message
 * (`terraform/state-lock-error-tf115-linux` and `terraform/state-lock-dynamodb`; the Schengen rule
 * seen from Germany and from Sweden). Their patterns and wording hit the same lines about equally
 * (or a looser pattern hits for one twin only), so what tells them apart is elsewhere in the paste:
 * the words one twin's signature and aliases have and the other's lack (`ConditionalCheckFailedException`,
 * `Sweden`). A twin whose own words the paste holds clearly more of is placed just above the listed
 * twin it beats, at that twin's score.
 *
 * A record of another domain whose signature, or one of its aliases, holds all of a record's words
 * and more is that message as one program prints it (Django's `django.db.utils.OperationalError: no
 * such table: <table>` around SQLite's `no such table: <table>`; Ansible's `UNREACHABLE!` alias around
 * ssh's `Connection timed out`, where its signature has `<reason>`): a twin too, when the paste names
 * its domain. Without that, the program's name is only in the wrapper's words, which another tool
 * printing the same wording around the same message (pip's `Could not fetch URL …` around Python's
 * SSL error) holds as well.
 */
import type { Scored } from './scoring.ts';
import { MAX_RESULTS, RELATIVE_FLOOR, TWIN_LEAD, TWIN_OVERLAP, TWIN_POOL, TWIN_WITHOUT_OWN_WORDS } from './tuning.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A record's words (those of its signature and aliases), each record's computed on first use. */
function recordWords(vocabulary: Vocabulary): (r: number) => Set<string> {
  const words = new Map<number, Set<string>>();
  return (r) => {
    let out = words.get(r);
    if (!out) {
      out = new Set<string>();
      for (const v of vocabulary.variantsOf(r)) for (const t of v.tokens) out.add(t);
      words.set(r, out);
    }
    return out;
  };
}

/** The idf-weighted Jaccard overlap of two records' signatures. */
export function signatureOverlap(vocabulary: Vocabulary, a: number, b: number): number {
  const va = vocabulary.variantsOf(a)[0]!;
  const tb = new Set(vocabulary.variantsOf(b)[0]!.tokens);
  let inter = 0;
  for (let i = 0; i < va.tokens.length; i++) if (tb.has(va.tokens[i]!)) inter += va.idfs[i]!;
  const union = va.weight + vocabulary.signatureWeight(b) - inter;
  return union > 0 ? inter / union : 0;
}

/** Whether `b`'s signature or an alias holds every word of `a`'s signature (at least two) and more. */
function wraps(vocabulary: Vocabulary, b: number, a: number): boolean {
  const inner = vocabulary.variantsOf(a)[0]!.tokens;
  if (inner.length < 2) return false;
  const size = new Set(inner).size;
  return vocabulary.variantsOf(b).some((v) => {
    const outer = new Set(v.tokens);
    return outer.size > size && inner.every((t) => outer.has(t));
  });
}

/** The share (by idf) of the words `own` has and `other` lacks that the paste holds; 0 when there are none. */
function ownShare(vocabulary: Vocabulary, own: ReadonlySet<string>, other: ReadonlySet<string>, paste: ReadonlySet<string>): number {
  let all = 0;
  let found = 0;
  for (const t of own) {
    if (other.has(t)) continue;
    const w = vocabulary.idf(t);
    all += w;
    if (paste.has(t)) found += w;
  }
  return all > 0 ? found / all : 0;
}

/**
 * Reorders `scored` in place (by score): for each listed candidate, best first, the twin (same
 * domain, signatures overlapping by at least TWIN_OVERLAP; or a wrapper whose domain the paste names)
 * below it, scoring at least TWIN_POOL of the best (every such candidate is scored, explain or not:
 * see scoring.ts), whose own words the paste holds a share of at least TWIN_LEAD more takes its
 * score, placed just above it. `domainOf`: a number per record, equal for records of one domain (the
 * id's part before `/`); `namesDomain`: whether the paste names a record's domain (named-tool.ts).
 */
export function preferTwinsByContext(scored: Scored[], vocabulary: Vocabulary, domainOf: Int32Array, pasteWords: () => ReadonlySet<string>, namesDomain: (r: number) => boolean): void {
  if (scored.length < 2) return;
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const floor = sorted[0]!.score * RELATIVE_FLOOR;
  const listed = sorted.filter((s) => s.score >= floor).slice(0, MAX_RESULTS);
  const wordsFor = recordWords(vocabulary);
  const moved = new Set<Scored>();
  for (let i = 0; i < listed.length; i++) {
    const a = listed[i]!;
    let twin: Scored | null = null;
    let bestLead = TWIN_LEAD;
    for (const b of sorted) {
      if (b.score < sorted[0]!.score * TWIN_POOL) break;
      if (b === a || b.score > a.score || moved.has(b)) continue;
      if (listed.indexOf(b) >= 0 && listed.indexOf(b) < i) continue;
      const twins = domainOf[b.r] === domainOf[a.r] ? signatureOverlap(vocabulary, a.r, b.r) >= TWIN_OVERLAP : namesDomain(b.r) && wraps(vocabulary, b.r, a.r);
      if (!twins) continue;
      const paste = pasteWords();
      const lead = ownShare(vocabulary, wordsFor(b.r), wordsFor(a.r), paste) - ownShare(vocabulary, wordsFor(a.r), wordsFor(b.r), paste);
      if (lead >= bestLead) {
        bestLead = lead;
        twin = b;
      }
    }
    if (!twin) continue;
    // Just above `a`, and above any record tied with it, whatever the tie-breakers say.
    twin.score = a.score + TWIN_ABOVE;
    moved.add(twin);
    if (twin.why) twin.why = { ...twin.why, twinOf: a.r, twinLead: bestLead };
    const at = listed.indexOf(twin);
    if (at >= 0) listed.splice(at, 1);
    listed.splice(i, 0, twin);
    i++; // `a` is now at i + 1; its own twins were just compared.
  }
}

/**
 * Scales in place (TWIN_WITHOUT_OWN_WORDS) the score of each record found by wording alone, among
 * those that could be listed, whose near twins (same domain, signatures overlapping by TWIN_OVERLAP)
 * are candidates too while the paste holds none of its own signature words (those no such twin has):
 * twins share the words of the message and differ in the part that says which case it is (envoy's
 * `reset reason: overflow` and `reset reason: connection termination`), so wording that matches only
 * the shared part says which family, not which member, and the member the paste shows may be one the
 * corpus does not cover (`reset reason: protocol error`). A pattern hit has checked more than words
 * and is left alone. Run before preferTwinsByContext.
 */
export function discountTwinsWithoutOwnWords(scored: Scored[], vocabulary: Vocabulary, domainOf: Int32Array, pasteWords: () => ReadonlySet<string>): void {
  if (scored.length < 2) return;
  let best = 0;
  for (const s of scored) if (s.score > best) best = s.score;
  const pool = scored.filter((s) => s.score >= best * TWIN_POOL);
  const wordsFor = recordWords(vocabulary);
  const discounted: Scored[] = [];
  for (const a of pool) {
    if (a.evidence !== 'similarity' || a.score < best * RELATIVE_FLOOR) continue;
    const twins = pool.filter((b) => b !== a && domainOf[b.r] === domainOf[a.r] && signatureOverlap(vocabulary, a.r, b.r) >= TWIN_OVERLAP);
    if (twins.length === 0) continue;
    const paste = pasteWords();
    let own = 0;
    let found = false;
    for (const t of vocabulary.variantsOf(a.r)[0]!.tokens) {
      if (twins.some((b) => wordsFor(b.r).has(t))) continue;
      own++;
      if (paste.has(t)) found = true;
    }
    if (own > 0 && !found) discounted.push(a);
  }
  // (Applied after the loop: whether a record is discounted does not depend on the order.)
  for (const a of discounted) {
    a.score *= TWIN_WITHOUT_OWN_WORDS;
    if (a.why) a.why = { ...a.why, withoutOwnWords: 1 };
  }
}

/** A score difference no ranking feature produces: it only orders a twin above its tie. */
export const TWIN_ABOVE = 1e-9;

