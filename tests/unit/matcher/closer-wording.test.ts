/**
 * A short, generic whole wording held by a longer, more specific message yields to the record whose
 * wording is closer to that line (closer-wording.ts); on its own line it still answers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { category: 'permission_error', regex: null, resolvable: 'true', fix_success_rate: 0.8 } as const;
const records = [
  { ...base, domain: 'linux', id: 'linux/permission-denied', signature: 'bash: ./deploy.sh: Permission denied', aliases: ['Permission denied'] },
  {
    ...base,
    domain: 'gcp',
    id: 'gcp/permission-denied-iam',
    signature: "PERMISSION_DENIED: Permission 'iam.serviceaccounts.actAs' denied on service account <sa> (or it may not exist)",
    aliases: [],
  },
  { ...base, domain: 'linux', id: 'linux/no-space', signature: 'No space left on device', aliases: [] },
];

test('a generic wording inside a more specific message comes second', async () => {
  const matcher = await matcherOf(records);
  const paste = [
    'Deploying container to Cloud Run service [api] in project [shop-prod] region [europe-west1]',
    "ERROR: (gcloud.run.deploy) Permission denied: Permission 'iam.serviceaccounts.actAs' denied on service account runtime@shop-prod.iam.gserviceaccount.com (or it may not exist).",
  ].join('\n');
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'gcp/permission-denied-iam', ranking(ranked));
  assert.ok(ranked.some((r) => r.id === 'linux/permission-denied'), ranking(ranked));
});

test('the generic wording on its own line still answers', async () => {
  const matcher = await matcherOf(records);
  const ranked = matcher.match('$ ./scripts/release.sh\nbash: ./scripts/release.sh: Permission denied');
  assert.equal(ranked[0]?.id, 'linux/permission-denied', ranking(ranked));
});
