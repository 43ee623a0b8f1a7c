/**
 * Listings derived from all records: domains with their records, totals and the recently updated.
 * Built once per build; listing pages are the only pages that grow with the number of records.
 */
import type { ErrorRecord } from '../record/schema.ts';

export interface ListingRow {
  id: string;
  signature: string;
  signature_zh: string | null;
  resolvable: ErrorRecord['resolvable'];
  fix_success_rate: number | null;
  last_updated: string | null;
}

export interface DomainEntry {
  domain: string;
  count: number;
  rows: ListingRow[];
}

export interface SiteIndex {
  domains: DomainEntry[];
  recent: ListingRow[];
  totalRecords: number;
}

function listingRow(record: ErrorRecord): ListingRow {
  return {
    id: record.id,
    signature: record.signature,
    signature_zh: record.signature_zh ?? null,
    resolvable: record.resolvable,
    fix_success_rate: record.fix_success_rate ?? null,
    last_updated: record.last_updated ?? null,
  };
}

export function buildSiteIndex(records: readonly ErrorRecord[], recentCount = 10): SiteIndex {
  const byDomain = new Map<string, ListingRow[]>();
  for (const record of records) {
    const rows = byDomain.get(record.domain) ?? [];
    rows.push(listingRow(record));
    byDomain.set(record.domain, rows);
  }
  const domains = [...byDomain.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, rows]) => ({ domain, count: rows.length, rows: rows.sort((a, b) => a.signature.localeCompare(b.signature)) }));
  const recent = records
    .map(listingRow)
    .sort((a, b) => (b.last_updated ?? '').localeCompare(a.last_updated ?? '') || a.id.localeCompare(b.id))
    .slice(0, recentCount);
  return { domains, recent, totalRecords: records.length };
}
