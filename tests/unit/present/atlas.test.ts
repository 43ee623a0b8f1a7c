import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atlasInput, buildAtlas, clip, TITLE_MAX, layoutAtlas, narrowFrame, planAtlas, squarify, textWidth, wideFrame, type AtlasLayout, type AtlasRecordInput, type Rect } from '../../../src/lib/present/atlas.ts';
import { RecordSchema } from '../../../src/lib/record/schema.ts';

/** `n` records in `domain`, named `<domain>/e<k>`, each linking to `links(k)`. */
function domain(name: string, n: number, links: (k: number) => string[] = () => []): AtlasRecordInput[] {
  return Array.from({ length: n }, (_, k) => ({ id: `${name}/e${k}`, domain: name, signature: `${name} error ${k}`, signature_zh: null, resolvable: 'true', links: links(k) }));
}

const area = (rect: Rect) => rect.w * rect.h;
const overlap = (a: Rect, b: Rect) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

test('the treemap gives each value an area proportional to it, inside the frame, without overlaps', () => {
  const values = [122, 88, 76, 40, 40, 27, 16, 2];
  const frame = { x: 0, y: 0, w: 960, h: 600 };
  const rects = squarify(values, frame);
  const total = values.reduce((sum, value) => sum + value, 0);
  for (const [i, rect] of rects.entries()) {
    assert.ok(Math.abs(area(rect) - (values[i]! / total) * area(frame)) < 1e-6, `area of ${values[i]}`);
    assert.ok(rect.x >= -1e-9 && rect.y >= -1e-9 && rect.x + rect.w <= 960 + 1e-9 && rect.y + rect.h <= 600 + 1e-9, 'inside the frame');
    for (const other of rects.slice(i + 1)) assert.ok(overlap(rect, other) < 1e-6, 'no overlap');
  }
  // Squarified: the large rectangles are not slivers.
  for (const rect of rects.slice(0, 4)) assert.ok(Math.max(rect.w / rect.h, rect.h / rect.w) < 3);
});

test('a site small enough is drawn in full; the plan and its layout are the same on every run', () => {
  const records = [...domain('python', 7), ...domain('pip', 5, (k) => (k === 0 ? ['python/e0', 'python/e1'] : [])), ...domain('git', 3)];
  const plan = planAtlas(records);
  assert.equal(plan.fullUpTo, null);
  assert.equal(plan.cells, 15);
  assert.deepEqual(plan.regions.map((region) => [region.domain, region.count, region.full]), [['python', 7, true], ['pip', 5, true], ['git', 3, true]]);
  // The most connected records come first.
  assert.deepEqual(plan.regions[0]!.shown.slice(0, 2).map((entry) => entry.id), ['python/e0', 'python/e1']);
  assert.deepEqual(planAtlas([...records].reverse()), plan);
  assert.deepEqual(layoutAtlas(plan, wideFrame(plan)), layoutAtlas(planAtlas(records), wideFrame(plan)));
});

test('relations join two domains, weighed by the pairs of records linked either way, counted once', () => {
  const records = [
    ...domain('docker', 4, (k) => (k === 0 ? ['kubernetes/e0', 'docker/e1'] : k === 1 ? ['kubernetes/e1'] : [])),
    ...domain('kubernetes', 4, (k) => (k === 0 ? ['docker/e0'] : k === 2 ? ['linux/e0', 'missing/x'] : [])),
    ...domain('linux', 2),
  ];
  const plan = planAtlas(records);
  // docker/e0 ↔ kubernetes/e0 (named both ways: one pair), docker/e1 → kubernetes/e1; the link inside docker is not a relation.
  assert.deepEqual(plan.relations, [{ a: 'docker', b: 'kubernetes', weight: 2 }, { a: 'kubernetes', b: 'linux', weight: 1 }]);
  assert.equal(plan.relatedPairs, 2);
  for (const relation of plan.relations) assert.notEqual(relation.a, relation.b);
  const layout = layoutAtlas(plan, wideFrame(plan));
  assert.equal(layout.edges.length, 2);
  assert.ok(layout.edges[0]!.width > layout.edges[1]!.width, 'the stronger relation is drawn thicker');
  // No relation, no line.
  assert.deepEqual(planAtlas(domain('git', 3)).relations, []);
  assert.deepEqual(layoutAtlas(planAtlas(domain('git', 3)), narrowFrame(1)).edges, []);
});

test('only the strongest relations are kept, at most the cap', () => {
  const names = Array.from({ length: 8 }, (_, k) => `d${k}`);
  const records = names.flatMap((name, i) => domain(name, 3, (k) => names.slice(i + 1).map((other) => `${other}/e${k}`)));
  const plan = planAtlas(records, { cells: 500, top: 8, regions: 60, edges: 5 });
  assert.equal(plan.relatedPairs, 28);
  assert.equal(plan.relations.length, 5);
  assert.ok(plan.relations.every((relation, k) => k === 0 || plan.relations[k - 1]!.weight >= relation.weight));
});

test('past the cell budget, small domains are drawn in full and larger ones show their top records', () => {
  const records = [...domain('big', 300), ...domain('mid', 40), ...domain('small', 12), ...domain('tiny', 2)];
  const plan = planAtlas(records, { cells: 60, top: 8, regions: 60, edges: 12 });
  assert.ok(plan.cells <= 60);
  assert.equal(plan.fullUpTo, 12);
  assert.deepEqual(plan.regions.map((region) => [region.domain, region.shown.length, region.full]), [['big', 8, false], ['mid', 8, false], ['small', 12, true], ['tiny', 2, true]]);
  // None small enough: each domain shows its top few, and fullUpTo says none is drawn in full.
  const none = planAtlas([...domain('a', 100), ...domain('b', 90)], { cells: 50, top: 8, regions: 60, edges: 12 });
  assert.equal(none.fullUpTo, 0);
  assert.equal(none.cells, 16);
});

test('the page stops growing: cells and regions are capped however many records and domains there are', () => {
  const many = Array.from({ length: 90 }, (_, k) => domain(`d${String(k).padStart(2, '0')}`, 30 + k)).flat();
  const plan = planAtlas(many);
  assert.ok(plan.cells <= 500, `${plan.cells} cells`);
  assert.equal(plan.regions.length, 60);
  const group = plan.regions.at(-1)!;
  assert.equal(group.domain, null);
  assert.equal(group.domains.length, 31);
  assert.equal(plan.regions.reduce((sum, region) => sum + region.count, 0), many.length);
  assert.equal(plan.domainCount, 90);
  const double = planAtlas(Array.from({ length: 90 }, (_, k) => domain(`d${String(k).padStart(2, '0')}`, 2 * (30 + k))).flat());
  assert.equal(double.cells, plan.cells);
});

function assertInside(layout: AtlasLayout): void {
  const { width, height } = layout.frame;
  for (const [i, region] of layout.regions.entries()) {
    const r = region.rect;
    assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= width + 0.1 && r.y + r.h <= height + 0.1, 'region inside the frame');
    for (const other of layout.regions.slice(i + 1)) assert.ok(overlap(r, other.rect) < 0.5, 'regions do not overlap');
    for (const cell of region.cells) {
      assert.ok(cell.x >= r.x - 0.1 && cell.y >= r.y - 0.1 && cell.x + region.cellSize <= r.x + r.w + 0.1 && cell.y + region.cellSize <= r.y + r.h + 0.1, 'cell inside its region');
    }
    if (region.label) assert.ok(textWidth(region.label.text, 13) <= r.w, 'label no wider than its region');
  }
}

test('cells sit inside their region, regions inside the frame; the narrow frame draws regions only', () => {
  const records = [...domain('culture', 122), ...domain('python', 88), ...domain('communication', 76), ...domain('food-safety', 27), ...domain('pet-safety', 2)];
  const plan = planAtlas(records, { cells: 60, top: 8, regions: 60, edges: 12 });
  const wide = layoutAtlas(plan, wideFrame(plan));
  assertInside(wide);
  assert.ok(wide.regions.every((region, k) => region.cells.length === 0 || region.cells.length === plan.regions[k]!.shown.length));
  const narrow = layoutAtlas(plan, narrowFrame(plan.regions.length));
  assertInside(narrow);
  assert.ok(narrow.regions.every((region) => region.cells.length === 0 && region.more === null));
  // Summarised regions say how many records they do not draw.
  assert.equal(wide.regions[0]!.more?.text, '+114');
});

test('labels give way to the region: name and count, then the name, then a shortened name', () => {
  const plan = planAtlas([...domain('elasticsearch', 400), ...domain('a', 4), ...domain('kubernetes-operators', 3)]);
  const layout = layoutAtlas(plan, narrowFrame(plan.regions.length));
  assert.deepEqual(layout.regions[0]!.label && [layout.regions[0]!.label.text, layout.regions[0]!.label.count], ['elasticsearch', '400']);
  const squeezed = layout.regions[2]!;
  assert.ok(squeezed.label === null || squeezed.label.text.endsWith('…') || squeezed.label.count === null);
  assert.equal(squeezed.name, 'kubernetes-operators');
});

test('an empty site plans nothing and draws nothing', () => {
  const plan = planAtlas([]);
  assert.deepEqual([plan.total, plan.regions.length, plan.relations.length, plan.cells], [0, 0, 0, 0]);
  assert.deepEqual(layoutAtlas(plan, wideFrame(plan)).regions, []);
});

test('records go in through the real schema: every kind of relation, either edge form, no self-links', () => {
  const base = { signature: 'x', domain: 'a', category: 'runtime_error' };
  const records = [
    RecordSchema.parse({ ...base, id: 'a/one', transition_graph: { leads_to: ['b/two'], preceded_by: [{ error_id: 'b/three' }], frequently_confused_with: ['a/one', 'b/two'] } }),
    RecordSchema.parse({ ...base, id: 'b/two', domain: 'b' }),
    RecordSchema.parse({ ...base, id: 'b/three', domain: 'b', signature_zh: '某个错误' }),
  ];
  assert.deepEqual(atlasInput(records)[0]!.links, ['b/two', 'b/three']);
  const views = buildAtlas(records);
  assert.deepEqual(views.en.plan.relations, [{ a: 'a', b: 'b', weight: 2 }]);
  assert.equal(views.zh.plan, views.en.plan, 'one plan for both languages');
  assert.equal(views.zh.plan.regions[0]!.shown.find((entry) => entry.id === 'b/three')!.signature_zh, '某个错误');
});

test('very long signatures are cut at a word, so that they cannot make the page heavy', () => {
  const long = `${'word '.repeat(60)}end`;
  const [entry] = planAtlas([{ ...domain('a', 1)[0]!, signature: long, signature_zh: '很长的报错'.repeat(50) }]).regions[0]!.shown;
  assert.ok([...entry!.signature].length <= TITLE_MAX);
  assert.match(entry!.signature, /^word( word)*…$/);
  assert.equal([...entry!.signature_zh!].length, TITLE_MAX);
  assert.equal(clip('short'), 'short');
});
