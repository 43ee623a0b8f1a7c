/**
 * The neighbourhood diagram of a record page: what usually comes before the error, what it leads
 * to, and what it is confused with, around the record itself. Drawn from the same related groups
 * the page lists in full below it, so each side shows at most NEIGHBOURS_SHOWN and counts the rest.
 */
import type { RelatedGroup, RelatedItem } from './record.ts';

export const NEIGHBOURS_SHOWN = 6;

export interface NeighbourSide {
  label: string;
  items: RelatedItem[];
  /** How many more the list below names. */
  more: number;
}

export interface Neighbourhood {
  before: NeighbourSide | null;
  after: NeighbourSide | null;
  confused: NeighbourSide | null;
}

function side(group: RelatedGroup | undefined): NeighbourSide | null {
  if (!group || group.items.length === 0) return null;
  return { label: group.label, items: group.items.slice(0, NEIGHBOURS_SHOWN), more: Math.max(0, group.items.length - NEIGHBOURS_SHOWN) };
}

/** Null when the record has no related errors: then nothing is drawn. */
export function neighbourhood(related: readonly RelatedGroup[]): Neighbourhood | null {
  const of = (kind: RelatedGroup['kind']) => side(related.find((group) => group.kind === kind));
  const result = { before: of('preceded_by'), after: of('leads_to'), confused: of('frequently_confused_with') };
  return result.before || result.after || result.confused ? result : null;
}
