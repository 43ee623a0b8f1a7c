/**
 * A signature that names a port is about the service behind it: RabbitMQ's `dial tcp <host>:5672`
 * is not any refused connection. Its whole wording holds only on a line that shows that port
 * (numbers.ts, signaturePorts; scoring.ts, wholeScore), and its words score less on a line that
 * shows another port (PORT_ELSEWHERE). A record whose aliases show other ports names none.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexOf, matcherOf, ranking } from './fixture.ts';
import { showsOtherPort, showsPort, signaturePorts } from '../../../src/lib/matcher/numbers.ts';
import { PORT_ELSEWHERE } from '../../../src/lib/matcher/tuning.ts';

const base = { category: 'network_error', regex: null, resolvable: 'true', fix_success_rate: 0.7 } as const;
const records = [
  // (RabbitMQ's record would win a tie: its fix rate is higher.)
  { ...base, fix_success_rate: 0.9, domain: 'rabbitmq', id: 'rabbitmq/refused-5672', signature: 'dial tcp <host>:5672: connect: connection refused', aliases: ['Error: connect ECONNREFUSED 127.0.0.1:5672'] },
  { ...base, fix_success_rate: 0.5, domain: 'node', id: 'node/econnrefused', signature: 'Error: connect ECONNREFUSED <host>:<port>', aliases: ['AxiosError: connect ECONNREFUSED 127.0.0.1:8080'] },
  { ...base, domain: 'go', id: 'go/undefined', signature: 'main.go:12:5: undefined: <name>', aliases: [] },
];

test("the ports a signature names: after a host placeholder, localhost or an address, not a file's line", () => {
  const index = indexOf(records);
  const portsOf = signaturePorts(index);
  const row = (id: string) => index.rec.findIndex((rec) => rec[0] === id);
  assert.deepEqual([...portsOf(row('rabbitmq/refused-5672'))], ['5672']);
  assert.deepEqual([...portsOf(row('node/econnrefused'))], []);
  assert.deepEqual([...portsOf(row('go/undefined'))], []);
  assert.equal(showsPort('connect ECONNREFUSED 10.0.0.5:5672', new Set(['5672'])), true);
  assert.equal(showsPort('connect ECONNREFUSED 10.0.0.5:56720', new Set(['5672'])), false);
  assert.equal(showsPort('connect ECONNREFUSED 10.0.0.5:5432', new Set(['5672'])), false);
});

test("another service's refused connection is not RabbitMQ's", async () => {
  const matcher = await matcherOf(records);
  const postgres = matcher.match('Error: connect ECONNREFUSED 172.18.0.3:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1615:16)');
  assert.equal(postgres[0]?.id, 'node/econnrefused', ranking(postgres));
  const rabbit = matcher.match('Error: connect ECONNREFUSED 172.18.0.9:5672\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1615:16)');
  assert.ok(rabbit.some((r) => r.id === 'rabbitmq/refused-5672'), ranking(rabbit));
});

test('a signature port whose aliases show other ports was an example', () => {
  const kubectl = { ...base, domain: 'kubernetes', id: 'kubernetes/refused', signature: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?', aliases: ['The connection to the server 192.168.49.2:8443 was refused - did you specify the right host or port?'] };
  const index = indexOf([...records, kubectl]);
  const portsOf = signaturePorts(index);
  assert.deepEqual([...portsOf(index.rec.findIndex((rec) => rec[0] === 'kubernetes/refused'))], []);
  assert.equal(showsOtherPort('dial tcp 10.0.0.5:8080: connect: connection refused', new Set(['5672'])), true);
  assert.equal(showsOtherPort('dial tcp 10.0.0.5:5672: connect: connection refused', new Set(['5672'])), false);
  assert.equal(showsOtherPort('connection refused', new Set(['5672'])), false);
  assert.equal(showsOtherPort('dial tcp 10.0.0.5:8080: connect: connection refused', new Set()), false);
});

test("words alone score less on a line that shows another service's port", async () => {
  // Found by wording (a pattern that never matches): the same words, with and without the port.
  const byWords = { ...base, regex: 'AMQP_NEVER_PRINTED', aliases: [] };
  const withPort = await matcherOf([{ ...byWords, domain: 'rabbitmq', id: 'rabbitmq/refused-5672', signature: 'dial tcp <host>:5672: connect: connection refused' }]);
  const withoutPort = await matcherOf([{ ...byWords, domain: 'rabbitmq', id: 'rabbitmq/refused-5672', signature: 'dial tcp <host>:<port>: connect: connection refused' }]);
  const score = async (matcher: Awaited<ReturnType<typeof matcherOf>>, text: string) => matcher.match(text, { explain: true })[0]!;
  const other = await score(withPort, 'dial tcp 10.0.0.5:8080: connect: connection refused');
  const plain = await score(withoutPort, 'dial tcp 10.0.0.5:8080: connect: connection refused');
  assert.equal(other.evidence, 'similarity');
  assert.equal(other.why?.portElsewhere, PORT_ELSEWHERE);
  assert.ok(Math.abs(other.score - plain.score * PORT_ELSEWHERE) <= 0.0015, `${other.score} vs ${plain.score}`);
  // Its own port: no discount.
  const own = await score(withPort, 'dial tcp 10.0.0.5:5672: connect: connection refused');
  assert.equal(own.why?.portElsewhere, undefined);
  assert.ok(Math.abs(own.score - plain.score) <= 0.0015, `${own.score} vs ${plain.score}`);
});
