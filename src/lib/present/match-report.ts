/**
 * The matcher's answer as the CLI prints it, for people and for CI jobs: plain text, JSON, Markdown
 * (for a pull-request comment or a job summary) or GitHub Actions workflow commands (annotations).
 * Pure: the CLI hands in the results and the site URL. Record text is data: it is escaped for each
 * format, never interpreted.
 */
import type { MatchResult } from '../matcher/types.ts';
import { stripBase } from '../routing/base.ts';
import { recordPath } from '../routing/paths.ts';
import type { Locale } from '../site-config.ts';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface LinkedResult extends MatchResult {
  /** The record's page, and its Chinese page. */
  url: string;
  url_zh: string;
  /** Where the page says what to do: its workarounds section. */
  fix_url: string;
}

/** A page's URL on `site`, which may sit under a path of its own (`https://example.org/errors/`). */
function pageUrl(id: string, locale: Locale, site: string): string {
  return new URL(stripBase(recordPath(id, locale)).slice(1), site).href;
}

export function linkResults(results: readonly MatchResult[], site: string): LinkedResult[] {
  return results.map((result) => {
    const url = pageUrl(result.id, 'en', site);
    return { ...result, url, url_zh: pageUrl(result.id, 'zh', site), fix_url: `${url}#workarounds` };
  });
}

// Not "no record for this error": a few words that several records share (`ECONNREFUSED`) get no
// answer either, and more of the output would tell them apart.
const NONE = 'No convincing match: no record explains this text clearly enough. If it is an excerpt, paste more of the output around the error.';

function shorten(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function text(results: readonly LinkedResult[]): string {
  if (results.length === 0) return `${NONE}\n`;
  return results
    .map((r, k) => {
      const lines = [`${k + 1}. ${r.id}  (${r.confidence} confidence, score ${r.score.toFixed(3)}, ${r.evidence})`, `   ${r.signature}`, `   ${r.url}`];
      const line = r.lines[0];
      if (line) lines.push(`   matched: ${shorten(line.text)}`);
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

/** Markdown inline text: characters that would start markup are escaped. */
function mdText(value: string): string {
  return value.replace(/[\\`*_{}[\]()<>#+\-!|~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** Markdown inline code that cannot be closed early by the text inside it. */
function mdCode(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  const ticks = '`'.repeat(Math.max(1, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks} ${flat} ${ticks}`;
}

function markdown(results: readonly LinkedResult[]): string {
  if (results.length === 0) return `**Error Atlas:** ${NONE}\n`;
  const out = [`**Error Atlas:** ${results.length === 1 ? '1 record matches' : `${results.length} records match`} this log.`, ''];
  results.forEach((r, k) => {
    out.push(`${k + 1}. [${mdText(r.signature)}](${r.url}) (${r.confidence} confidence, ${mdText(r.domain)}) · [what works](${r.fix_url})`);
    const line = r.lines[0];
    if (line) out.push(`   matched: ${mdCode(shorten(line.text))}`);
  });
  return `${out.join('\n')}\n`;
}

/** GitHub Actions workflow command escaping: data, and property values. */
const ghData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProperty = (value: string) => ghData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

function github(results: readonly LinkedResult[]): string {
  if (results.length === 0) return `::notice title=${ghProperty('Error Atlas')}::${ghData(NONE)}\n`;
  return results
    .map((r) => `::notice title=${ghProperty(`Error Atlas: ${shorten(r.signature, 120)}`)}::${ghData(`${r.confidence} confidence match: ${r.url} (what works: ${r.fix_url})`)}\n`)
    .join('');
}

export function formatReport(results: readonly LinkedResult[], format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(results, null, 2)}\n`;
    case 'markdown':
      return markdown(results);
    case 'github':
      return github(results);
    default:
      return text(results);
  }
}
