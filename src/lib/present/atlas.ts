/**
 * The atlas page: every domain as a region sized by its number of records, its errors as cells, and
 * the strongest relations between domains as lines from region to region. Computed once per build,
 * in two steps a component only has to draw:
 *
 * 1. `planAtlas` decides what is drawn in full and what is summarised. The page must not grow with
 *    the number of records (only listing pages do), so at most CELL_BUDGET records are drawn as cells
 *    and at most REGION_CAP regions; past that a domain shows its most connected records and links
 *    to its listing for the rest, and the smallest domains share one region.
 * 2. `layoutAtlas` places the plan in a frame: a squarified treemap of the regions (areas
 *    proportional to record counts), a grid of cells in each region, curves between region centres.
 *
 * Everything is deterministic: the same records give the same picture, byte for byte.
 */
import { translate } from '../i18n/index.ts';
import type { ErrorRecord } from '../record/schema.ts';
import { LOCALES, type Locale } from '../site-config.ts';
import { layoutAtlas, narrowFrame, wideFrame, type AtlasLayout } from './atlas/layout.ts';
import { atlasInput, planAtlas, type AtlasPlan } from './atlas/plan.ts';

export * from './atlas/layout.ts';
export * from './atlas/plan.ts';

export interface AtlasView {
  plan: AtlasPlan;
  wide: AtlasLayout;
  narrow: AtlasLayout;
}

/** The atlas of a build in each language: what is drawn (decided once), laid out for wide screens and for phones. */
export function buildAtlas(records: readonly ErrorRecord[]): Record<Locale, AtlasView> {
  const plan = planAtlas(atlasInput(records));
  const views = {} as Record<Locale, AtlasView>;
  for (const locale of LOCALES) {
    const othersName = (n: number) => translate(locale, 'atlas.others', { n });
    views[locale] = { plan, wide: layoutAtlas(plan, wideFrame(plan), othersName), narrow: layoutAtlas(plan, narrowFrame(plan.regions.length), othersName) };
  }
  return views;
}
