/**
 * Tools print one sentence of a message on its own: Flux quotes only the second sentence of Helm's
 * "rendered manifests contain a resource that already exists. Unable to continue with install: …".
 * For a record without a pattern, a long sentence that holds the wording's most informative word
 * holds whole by itself (vocabulary.ts, wholeWordingsOf).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { category: 'deploy_error', regex: null, resolvable: 'true', fix_success_rate: 0.7, aliases: [] } as const;
const records = [
  {
    ...base,
    domain: 'helm',
    id: 'helm/invalid-ownership',
    signature: 'Error: INSTALLATION FAILED: rendered manifests contain a resource that already exists. Unable to continue with install: <Kind> "<name>" in namespace "<namespace>" exists and cannot be imported into the current release: invalid ownership metadata',
  },
  { ...base, domain: 'helm', id: 'helm/timed-out', signature: 'Error: UPGRADE FAILED: timed out waiting for the condition' },
  // (Helm's other installation errors, so that the first sentence's words are not the rare ones.)
  { ...base, domain: 'helm', id: 'helm/cannot-reuse-name', signature: 'Error: INSTALLATION FAILED: cannot re-use a name that is still in use' },
  { ...base, domain: 'helm', id: 'helm/build-objects', signature: 'Error: INSTALLATION FAILED: unable to build kubernetes objects from release manifest' },
  { ...base, domain: 'helm', id: 'helm/manifest-conflict', signature: 'Error: rendered manifests contain a resource that already exists in another release' },
  { ...base, domain: 'kubernetes', id: 'kubernetes/already-exists', signature: 'Error from server (AlreadyExists): <kind> "<name>" already exists' },
];

test("one sentence of a record's signature, printed alone, names the record", async () => {
  const matcher = await matcherOf(records);
  const paste = [
    '$ flux get helmreleases -n monitoring',
    'NAME   REVISION  SUSPENDED  READY  MESSAGE',
    'prom   58.1.0    False      False  Helm upgrade failed for release monitoring/prom with chart kube-prometheus-stack@58.1.0: Unable to continue with install: ClusterRole "prom-operator" in namespace "" exists and cannot be imported into the current release: invalid ownership metadata; annotation validation error: missing key "meta.helm.sh/release-name": must be set to "prom"',
  ].join('\n');
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'helm/invalid-ownership', ranking(ranked));
});
