/**
 * The related-error graph, computed once per build: what each record links to (its own
 * `transition_graph`) and which records link to it. Pages read from it; none walks all records.
 */
import { edgeTarget, RELATION_KINDS, type ErrorRecord, type RelationKind } from './schema.ts';

/** The little a page needs to link to another record. */
export interface RecordSummary {
  id: string;
  signature: string;
  signature_zh: string | null;
}

export interface IncomingLink {
  from: string;
  kind: RelationKind;
}

export interface RelatedGraph {
  summaries: ReadonlyMap<string, RecordSummary>;
  /** For each record id, the records whose graph points at it. */
  incoming: ReadonlyMap<string, readonly IncomingLink[]>;
}

export function buildRelatedGraph(records: readonly ErrorRecord[]): RelatedGraph {
  const summaries = new Map<string, RecordSummary>();
  const incoming = new Map<string, IncomingLink[]>();
  for (const record of records) {
    summaries.set(record.id, { id: record.id, signature: record.signature, signature_zh: record.signature_zh ?? null });
  }
  for (const record of records) {
    for (const kind of RELATION_KINDS) {
      for (const edge of record.transition_graph?.[kind] ?? []) {
        const target = edgeTarget(edge);
        if (target === record.id || !summaries.has(target)) continue;
        const list = incoming.get(target) ?? [];
        if (!list.some((link) => link.from === record.id)) list.push({ from: record.id, kind });
        incoming.set(target, list);
      }
    }
  }
  return { summaries, incoming };
}
