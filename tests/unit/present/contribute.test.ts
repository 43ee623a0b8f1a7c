import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contributeLinks } from '../../../src/lib/present/contribute.ts';
import { repoSettings } from '../../../src/lib/site-config.ts';

test('with a repository, a record links to its file in the editor and to a prefilled issue', () => {
  const repo = repoSettings({ ATLAS_REPO_URL: 'https://github.com/acme/atlas/' })!;
  assert.deepEqual(repo, { url: 'https://github.com/acme/atlas', branch: 'main' });
  const links = contributeLinks('grpc/x', 'https://atlas.test/grpc/x/', repo, 'content/errors')!;
  assert.equal(links.edit, 'https://github.com/acme/atlas/edit/main/content/errors/grpc/x.json');
  const report = new URL(links.report);
  assert.equal(report.origin + report.pathname, 'https://github.com/acme/atlas/issues/new');
  assert.equal(report.searchParams.get('title'), 'Problem with grpc/x');
  assert.match(report.searchParams.get('body')!, /^Page: https:\/\/atlas\.test\/grpc\/x\/\nFile: content\/errors\/grpc\/x\.json\n/);
  assert.equal(contributeLinks('grpc/x', 'u', repoSettings({ ATLAS_REPO_URL: 'https://gitlab.test/a/b', ATLAS_REPO_BRANCH: 'release/1' }), 'content/errors')!.edit, 'https://gitlab.test/a/b/edit/release%2F1/content/errors/grpc/x.json');
});

test('without a repository, or with records outside it, there are no links; a bad repository URL is named', () => {
  assert.equal(repoSettings({}), null);
  assert.equal(contributeLinks('grpc/x', 'u', null, 'content/errors'), null);
  assert.equal(contributeLinks('grpc/x', 'u', repoSettings({ ATLAS_REPO_URL: 'https://github.com/a/b' }), null), null);
  assert.throws(() => repoSettings({ ATLAS_REPO_URL: 'javascript:alert(1)' }), /ATLAS_REPO_URL: .* must be an http\(s\) URL/);
  assert.throws(() => repoSettings({ ATLAS_REPO_URL: 'github.com/a/b' }), /ATLAS_REPO_URL: "github\.com\/a\/b" is not an absolute URL/);
});
