/**
 * A conversation with an AI assistant pasted whole is read by the person's turns, where the tool's
 * output is; the assistant's guesses name other errors (chat-turns.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutAssistantTurns } from '../../../src/lib/matcher/chat-turns.ts';
import { matcherOf, ranking } from './fixture.ts';

const chat = [
  'You said:',
  'new CI user access keys, first call:',
  '$ aws sts get-caller-identity',
  'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
  'ChatGPT said:',
  'Your temporary credentials have expired. AWS returns "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired" for that.',
  'bash',
  'Copy code',
  'aws sso login',
  'You said:',
  'these are long-term keys, not SSO',
];

test("only the person's turns are read, without the chat's buttons", () => {
  assert.deepEqual(withoutAssistantTurns(chat), [chat[1], chat[2], chat[3], chat[10]]);
  // Labels in other forms: on their own line in bold or as a heading, or opening the line.
  const inline = ['User: the deploy fails:', 'Error: listen EADDRINUSE: address already in use :::3000', 'Assistant: That is a permission problem: EACCES.', '**User**', 'same on port 3001'];
  assert.deepEqual(withoutAssistantTurns(inline), ['the deploy fails:', 'Error: listen EADDRINUSE: address already in use :::3000', 'same on port 3001']);
});

test("a conversation in words, with no tool's output, and lines with no labels stay whole", () => {
  const advice = ["User: I'm in Seoul for 6 weeks on a K-ETA. Can I open a bank account?", 'Assistant: Yes! Korean banks let foreign visitors open an account with just a passport.'];
  assert.deepEqual(withoutAssistantTurns(advice), advice);
  const log = ['User: deploy', 'Error: listen EADDRINUSE: address already in use :::3000'];
  assert.deepEqual(withoutAssistantTurns(log), log);
});

test("the error the person pasted is found, not the one the assistant named", async () => {
  const base = { category: 'auth', resolvable: 'true', fix_success_rate: 0.8, aliases: [], domain: 'aws' } as const;
  const matcher = await matcherOf([
    { ...base, id: 'aws/expired-token', signature: 'An error occurred (ExpiredToken) when calling the <op> operation: The security token included in the request is expired', regex: '\\(ExpiredToken\\)' },
    { ...base, id: 'aws/invalid-client-token', signature: 'An error occurred (InvalidClientTokenId) when calling the <op> operation: The security token included in the request is invalid', regex: '\\(InvalidClientTokenId\\)' },
  ]);
  const ranked = matcher.match(chat.join('\n'));
  assert.equal(ranked[0]?.id, 'aws/invalid-client-token', ranking(ranked));
  assert.ok(!ranked.some((r) => r.id === 'aws/expired-token'), ranking(ranked));
});
