/**
 * Where the atlas draws it (see ../atlas.ts): a squarified treemap of the regions in a frame, a grid of
 * cells in each, labels that fit, curves between region centres.
 */
import type { AtlasPlan } from './plan.ts';


export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A squarified treemap (Bruls, Huizing and van Wijk's method): lays `values` (largest first) into
 * `rect` as rectangles with areas proportional to the values, each row filled along the shorter
 * side while that keeps the rectangles closer to squares.
 */
export function squarify(values: readonly number[], rect: Rect): Rect[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total <= 0 || values.length === 0) return values.map(() => ({ x: rect.x, y: rect.y, w: 0, h: 0 }));
  const scale = (rect.w * rect.h) / total;
  const areas = values.map((value) => value * scale);
  const out: Rect[] = [];
  let free = { ...rect };
  const worst = (row: number[], side: number) => {
    const sum = row.reduce((s, a) => s + a, 0);
    return Math.max(...row.map((area) => Math.max((side * side * area) / (sum * sum), (sum * sum) / (side * side * area))));
  };
  let i = 0;
  while (i < areas.length) {
    const side = Math.min(free.w, free.h);
    const row = [areas[i]!];
    let j = i + 1;
    while (j < areas.length && worst([...row, areas[j]!], side) <= worst(row, side)) row.push(areas[j++]!);
    const thickness = row.reduce((s, a) => s + a, 0) / side;
    let offset = 0;
    for (const area of row) {
      const length = area / thickness;
      out.push(free.w >= free.h ? { x: free.x, y: free.y + offset, w: thickness, h: length } : { x: free.x + offset, y: free.y, w: length, h: thickness });
      offset += length;
    }
    free = free.w >= free.h ? { x: free.x + thickness, y: free.y, w: free.w - thickness, h: free.h } : { x: free.x, y: free.y + thickness, w: free.w, h: free.h - thickness };
    i = j;
  }
  return out;
}

export interface AtlasFrame {
  width: number;
  height: number;
  /** Draw the records as cells (the wide map), or only the regions (the narrow one). */
  cells: boolean;
  /** Label size, in viewBox units. */
  font: number;
}

/**
 * A wide map for screens from about 48rem, and print: 960 × 600, or lower for a site small enough to
 * be drawn in full, so that its cells fill their regions instead of floating at the top of them.
 */
export function wideFrame(plan: AtlasPlan): AtlasFrame {
  const width = 960;
  // Each cell at full size with its share of labels, padding and part-filled rows: about 2.4 cells' area.
  const wanted = (plan.cells * MAX_CELL * MAX_CELL * 2.4) / width;
  const height = plan.fullUpTo === null ? Math.round(Math.min(600, Math.max(360, wanted))) : 600;
  return { width, height, cells: true, font: 13 };
}

/** A tall map for phones: regions only (the list below names the records), taller with more regions. */
export function narrowFrame(regions: number): AtlasFrame {
  return { width: 360, height: Math.round(Math.min(1100, Math.max(480, regions * 20))), cells: false, font: 13 };
}

const GAP = 3;
const PAD = 5;
const MAX_CELL = 34;
const MIN_SHARED_CELL = 8;
/** Below this a region is too thin for cells: it draws none (the list below the map names them). */
const MIN_CELL = 4;
/** The smaller label size, as a share of the frame's. */
const SMALL_LABEL = 0.85;
/** Rough width of a label in units of its font size: Latin letters and digits a little under 0.6 (a generous average for sans-serif faces), CJK 1. */
export function textWidth(text: string, font: number): number {
  let ems = 0;
  for (const char of text) ems += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char) ? 1 : 0.58;
  return ems * font;
}

export interface AtlasCellBox {
  /** Index into the region plan's `shown`. */
  index: number;
  x: number;
  y: number;
}

/** A region's label: its name, and its count after it or on a line of its own when they fit. */
export interface AtlasLabel {
  /** The name as drawn: whole, or cut short with "…" in a narrow region. */
  text: string;
  /** The count as drawn, or null when it does not fit (the link still says it). */
  count: string | null;
  /** The count goes on a second line. */
  stacked: boolean;
  /** Set smaller, to fit a narrow region. */
  small: boolean;
  x: number;
  /** Baseline of the first line. */
  y: number;
}

export interface AtlasRegionBox {
  rect: Rect;
  /** The region's whole name: the domain, or "N other domains" for the group. */
  name: string;
  /** The record count as the page writes it, e.g. "2,522". */
  count: string;
  /** Null when not even a shortened name fits. */
  label: AtlasLabel | null;
  cellSize: number;
  cells: AtlasCellBox[];
  /** "+N" (the records not drawn) and where it goes in a summarised region, when there is room. */
  more: { x: number; y: number; text: string } | null;
}

export interface AtlasEdgeBox {
  /** `d` of a quadratic curve between the two region centres. */
  path: string;
  width: number;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface AtlasLayout {
  frame: AtlasFrame;
  regions: AtlasRegionBox[];
  edges: AtlasEdgeBox[];
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The largest square cell that fits `n` cells in a grid in `w` × `h`. */
function fitCell(n: number, w: number, h: number): number {
  if (n === 0 || w <= 0 || h <= 0) return 0;
  let best = 0;
  for (let cols = 1; cols <= n; cols++) best = Math.max(best, Math.min(w / cols, h / Math.ceil(n / cols)));
  return best;
}

/** Counts as the page writes them: "2,522" (both languages group digits so). */
export const formatCount = (count: number) => count.toLocaleString('en');

/** `othersName(n)` names the group of the smallest domains, in the page's language. */
export function layoutAtlas(plan: AtlasPlan, frame: AtlasFrame, othersName: (domains: number) => string = (n) => `${n} other domains`): AtlasLayout {
  const rects = squarify(plan.regions.map((region) => region.count), { x: 0, y: 0, w: frame.width, h: frame.height });
  const line = (small: boolean) => (small ? frame.font * SMALL_LABEL : frame.font) + 4;
  /**
   * The first label that fits: name and count on one line, then on two, then the name alone; at
   * the frame's size, then smaller; at last the name cut short. `band` is the height it takes.
   */
  const labelFor = (name: string, count: string, room: number, height: number): { label: Omit<AtlasLabel, 'x' | 'y'> | null; band: number } => {
    for (const small of [false, true]) {
      const font = small ? frame.font * SMALL_LABEL : frame.font;
      const fits = (text: string) => textWidth(text, font) <= room;
      if (height < line(small) + PAD) continue;
      if (fits(`${name} ${count}`)) return { label: { text: name, count, stacked: false, small }, band: line(small) };
      if (height >= 2 * line(small) + PAD && fits(name) && fits(count)) return { label: { text: name, count, stacked: true, small }, band: 2 * line(small) };
      if (fits(name)) return { label: { text: name, count: null, stacked: false, small }, band: line(small) };
    }
    const chars = [...name];
    for (let keep = chars.length - 1; keep >= 3 && height >= line(true) + PAD; keep--) {
      const text = `${chars.slice(0, keep).join('')}…`;
      if (textWidth(text, frame.font * SMALL_LABEL) <= room) return { label: { text, count: null, stacked: false, small: true }, band: line(true) };
    }
    return { label: null, band: 0 };
  };

  const inner = rects.map((rect, index) => {
    const region = plan.regions[index]!;
    const box = { x: rect.x + GAP / 2, y: rect.y + GAP / 2, w: Math.max(0, rect.w - GAP), h: Math.max(0, rect.h - GAP) };
    const room = box.w - 2 * PAD;
    const name = region.domain ?? othersName(region.domains.length);
    const count = formatCount(region.count);
    const { label, band } = labelFor(name, count, room, box.h);
    const top = PAD + band;
    const area = { x: box.x + PAD, y: box.y + top, w: room, h: box.h - top - PAD };
    const n = frame.cells ? region.shown.length : 0;
    return { region, box, name, count, label, area, n, fit: fitCell(n, area.w, area.h) };
  });

  // One cell size across the map, so that a cell reads as one record everywhere: the largest that
  // fits every summarised region (which show a few records in a large area), or every region when
  // all are drawn in full. A region drawn in full that is too small for it packs its cells tighter,
  // and one too thin for cells at all (a sliver of the treemap) draws none.
  const summarised = inner.some((entry) => entry.n > 0 && !entry.region.full);
  const sizes = inner.filter((entry) => entry.n > 0 && entry.fit >= MIN_SHARED_CELL && (!summarised || !entry.region.full)).map((entry) => entry.fit);
  const shared = Math.min(MAX_CELL, sizes.length > 0 ? Math.min(...sizes) : MAX_CELL);

  const regions: AtlasRegionBox[] = inner.map(({ region, box, name, count, label, area, n: wanted, fit }) => {
    const size = Math.min(shared, fit);
    const n = size < MIN_CELL ? 0 : wanted;
    const cols = n === 0 ? 0 : Math.max(1, Math.floor(area.w / size + 1e-9));
    const cells: AtlasCellBox[] = [];
    for (let k = 0; k < n; k++) cells.push({ index: k, x: round(area.x + (k % cols) * size), y: round(area.y + Math.floor(k / cols) * size) });
    const rows = cols === 0 ? 0 : Math.ceil(n / cols);
    const moreY = area.y + rows * size + frame.font;
    const moreText = `+${formatCount(region.count - region.shown.length)}`;
    const roomForMore = moreY <= box.y + box.h - PAD / 2 && textWidth(moreText, frame.font * SMALL_LABEL) <= area.w;
    const more = !region.full && frame.cells && roomForMore ? { x: round(area.x), y: round(moreY), text: moreText } : null;
    return {
      rect: { x: round(box.x), y: round(box.y), w: round(box.w), h: round(box.h) },
      name,
      count,
      label: label && { ...label, x: round(box.x + PAD), y: round(box.y + PAD + (label.small ? frame.font * SMALL_LABEL : frame.font) - 1) },
      cellSize: round(size),
      cells,
      more,
    };
  });

  const centre = new Map(plan.regions.map((region, index) => [region.domain, { x: rects[index]!.x + rects[index]!.w / 2, y: rects[index]!.y + rects[index]!.h / 2 }]));
  const strongest = Math.max(1, ...plan.relations.map((relation) => relation.weight));
  const edges = plan.relations.map((relation) => {
    const from = centre.get(relation.a)!;
    const to = centre.get(relation.b)!;
    // Bend each curve to the same side of its direction, by a fifth of its length, so that lines
    // through one region fan out instead of lying on top of each other.
    const [dx, dy] = [to.x - from.x, to.y - from.y];
    const control = { x: (from.x + to.x) / 2 - dy * 0.2, y: (from.y + to.y) / 2 + dx * 0.2 };
    return {
      path: `M${round(from.x)} ${round(from.y)}Q${round(control.x)} ${round(control.y)} ${round(to.x)} ${round(to.y)}`,
      width: round(1.5 + 4.5 * (relation.weight / strongest)),
      from: { x: round(from.x), y: round(from.y) },
      to: { x: round(to.x), y: round(to.y) },
    };
  });
  return { frame, regions, edges };
}
