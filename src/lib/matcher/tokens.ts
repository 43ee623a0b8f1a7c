/**
 * Word tokens for the similarity part of the ranking. Variable parts of messages (numbers, hex ids,
 * quoted values, placeholders like `<target>` or `{name}`) carry no evidence and are dropped, so that
 * `No module named 'requests'` and the signature `No module named 'x'` share exactly their fixed words.
 */

const STOPWORDS = new Set(
  'a an the of to in on at by for with and or is are was be been this that it its as from into not no but if then than when while which who what there their they them we you your our i me my has have had do does did so such can may might will would should could'
    .split(' '),
);
// Placeholders found in signatures: <target>, {name}, 'x', "X", N, M, PORT ...
const PLACEHOLDER_RE = /<[^<>\s]{1,40}>|\{[^{}\s]{1,40}\}|\$\{[^}]*\}/g;
const QUOTED_RE = /'[^'\n]{0,80}'|"[^"\n]{0,80}"|`[^`\n]{0,80}`/g;
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/** Tokens of a text: lower-cased words, without stopwords, pure numbers, hex ids or single letters. */
export function tokenize(text: string, dropQuoted = false): string[] {
  let source = text.replace(PLACEHOLDER_RE, ' ');
  if (dropQuoted) source = source.replace(QUOTED_RE, ' ');
  const out: string[] = [];
  // (`match` and plain loops: this runs over every signature and alias when a worker loads the index.)
  for (const t of source.toLowerCase().match(TOKEN_RE) ?? []) {
    if (t.length < 2 && t.charCodeAt(0) < 128) continue;
    if (t.length > 40 || STOPWORDS.has(t)) continue;
    if (hasDigit(t) && (/^\d+$/.test(t) || /^(?=.*\d)[0-9a-f]{6,}$/.test(t) || /^0x[0-9a-f]+$/.test(t))) continue;
    out.push(t);
  }
  return out;
}

function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Distinct tokens, in first-seen order. */
export function tokenSet(text: string, dropQuoted = false): string[] {
  return [...new Set(tokenize(text, dropQuoted))];
}
