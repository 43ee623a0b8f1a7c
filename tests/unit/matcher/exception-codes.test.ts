/**
 * An SDK's exception class named after a service's error code (`NoSuchBucketException`) also holds
 * that code (similarity.ts, withErrorCodes), when a record's wording names the code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { domain: 'aws', category: 'api_error', regex: null, resolvable: 'true', fix_success_rate: 0.8, aliases: [] } as const;
const records = [
  { ...base, id: 'aws/s3-no-such-bucket', signature: 'NoSuchBucket: The specified bucket does not exist' },
  { ...base, id: 'aws/other', signature: 'an unrelated failure of the scheduler queue' },
];

test("an exception class named after an error code matches the code's record fully", async () => {
  const matcher = await matcherOf(records);
  const line = 'software.amazon.awssdk.services.s3.model.NoSuchBucketException: The specified bucket does not exist';
  const explained = matcher.match(line, { explain: true });
  const bucket = explained.find((r) => r.id === 'aws/s3-no-such-bucket');
  assert.ok(bucket?.why, ranking(explained));
  assert.ok(bucket.why.sim! > 0.7, `similarity ${bucket.why.sim}`);
  assert.equal(matcher.match(line)[0]?.id, 'aws/s3-no-such-bucket');
});
