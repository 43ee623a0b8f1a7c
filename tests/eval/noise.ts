/**
 * Realistic surroundings for error lines: CI logs, structured logs, stack traces, coloured terminal
 * output. Used to build the evaluation sets (tests/eval/) and the benchmark's 80-line logs.
 * Deterministic: every function takes a seeded random source.
 */

export type Rand = () => number;

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function int(rand: Rand, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function hex(rand: Rand, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += '0123456789abcdef'[int(rand, 0, 15)];
  return s;
}

const PYPKGS = ['numpy', 'pandas', 'requests', 'urllib3', 'certifi', 'idna', 'charset-normalizer', 'pyyaml', 'pytest', 'pluggy', 'packaging', 'attrs', 'six', 'python-dateutil', 'pytz', 'click', 'jinja2', 'markupsafe'];
const STEPS = ['Checkout', 'Set up job', 'Setup Node', 'Install dependencies', 'Lint', 'Build', 'Run tests', 'Upload coverage'];

/** One line of ordinary (non-error) build/CI output. */
export function noiseLine(rand: Rand): string {
  const v = () => `${int(rand, 0, 9)}.${int(rand, 0, 30)}.${int(rand, 0, 20)}`;
  const kind = int(rand, 0, 27);
  switch (kind) {
    case 0:
      return `Collecting ${pick(rand, PYPKGS)}>=${v()}`;
    case 1:
      return `  Downloading ${pick(rand, PYPKGS)}-${v()}-py3-none-any.whl (${int(rand, 10, 900)} kB)`;
    case 2:
      return `Requirement already satisfied: ${pick(rand, PYPKGS)} in ./venv/lib/python3.11/site-packages (${v()})`;
    case 3:
      return `added ${int(rand, 20, 1400)} packages, and audited ${int(rand, 100, 1500)} packages in ${int(rand, 2, 90)}s`;
    case 4:
      return `npm warn deprecated ${pick(rand, ['inflight@1.0.6', 'glob@7.2.3', 'rimraf@3.0.2', 'abab@2.0.6'])}: This module is not supported`;
    case 5:
      return `#${int(rand, 3, 19)} [${int(rand, 1, 4)}/${int(rand, 5, 9)}] RUN ${pick(rand, ['npm ci', 'pip install -r requirements.txt', 'apt-get update', 'go mod download', 'cargo fetch'])}`;
    case 6:
      return `#${int(rand, 3, 19)} DONE ${(rand() * 40).toFixed(1)}s`;
    case 7:
      return ` ---> Using cache`;
    case 8:
      return `Step ${int(rand, 1, 12)}/12 : ${pick(rand, ['COPY . .', 'WORKDIR /app', 'EXPOSE 8080', 'ENV NODE_ENV=production', 'USER app'])}`;
    case 9:
      return `   Compiling ${pick(rand, ['serde', 'tokio', 'libc', 'syn', 'quote', 'proc-macro2', 'hyper'])} v${v()}`;
    case 10:
      return `go: downloading github.com/${pick(rand, ['spf13/cobra', 'stretchr/testify', 'google/uuid', 'sirupsen/logrus'])} v${v()}`;
    case 11:
      return `> ${pick(rand, ['app', 'web', 'api'])}@${v()} ${pick(rand, ['build', 'test', 'lint'])}`;
    case 12:
      return `PASS src/${pick(rand, ['utils', 'api', 'components', 'lib'])}/${pick(rand, ['date', 'format', 'parse', 'client'])}.test.ts (${(rand() * 3).toFixed(2)} s)`;
    case 13:
      return `tests/test_${pick(rand, ['models', 'views', 'api', 'utils'])}.py::test_${pick(rand, ['create', 'update', 'list', 'delete'])}_${pick(rand, ['user', 'order', 'item'])} PASSED [${int(rand, 1, 99)}%]`;
    case 14:
      return `Run actions/${pick(rand, ['checkout@v4', 'setup-node@v4', 'setup-python@v5', 'cache@v4'])}`;
    case 15:
      return `Syncing repository: ${pick(rand, ['acme', 'org', 'team'])}/${pick(rand, ['api', 'web', 'infra', 'platform'])}`;
    case 16:
      return `${pick(rand, STEPS)}`;
    case 17:
      return `[INFO] Building ${pick(rand, ['core', 'service', 'client'])} ${v()}-SNAPSHOT`;
    case 18:
      return `[INFO] --- maven-compiler-plugin:3.11.0:compile (default-compile) @ ${pick(rand, ['core', 'service'])} ---`;
    case 19:
      return `INFO: Started server process [${int(rand, 1000, 99999)}]`;
    case 20:
      return `Listening on http://0.0.0.0:${pick(rand, ['3000', '8080', '8000', '5000'])}`;
    case 21:
      return `Digest: sha256:${hex(rand, 64)}`;
    case 22:
      return `Status: Downloaded newer image for ${pick(rand, ['node:20-alpine', 'python:3.12-slim', 'postgres:16', 'redis:7'])}`;
    case 23:
      return `  ✓ ${pick(rand, ['renders header', 'parses dates', 'handles empty input', 'retries once'])} (${int(rand, 1, 80)} ms)`;
    case 24:
      return `vite v${v()} building for production...`;
    case 25:
      return `✓ ${int(rand, 20, 900)} modules transformed.`;
    case 26:
      return `Successfully installed ${pick(rand, PYPKGS)}-${v()} ${pick(rand, PYPKGS)}-${v()}`;
    default:
      return `Cache restored from key: ${pick(rand, ['node', 'pip', 'go'])}-cache-${hex(rand, 12)}`;
  }
}

function isoAt(rand: Rand, base: number, k: number): string {
  return new Date(base + k * int(rand, 20, 900)).toISOString().replace('Z', '0000Z');
}

/** The error line(s) buried in a GitHub Actions log of about `total` lines. */
export function githubActionsLog(rand: Rand, errorLines: string[], total: number): string {
  const base = Date.UTC(2025, 2, int(rand, 1, 28), int(rand, 0, 23), int(rand, 0, 59));
  const lines: string[] = [];
  const at = Math.max(1, Math.floor(total * (0.55 + rand() * 0.35)));
  for (let k = 0; k < total; k++) {
    if (k === at) for (const e of errorLines) lines.push(e);
    else if (k === 0) lines.push('##[group]Run npm ci');
    else lines.push(noiseLine(rand));
  }
  lines.push('##[error]Process completed with exit code 1.');
  return lines.map((l, k) => `${isoAt(rand, base, k)} ${l}`).join('\n');
}

/** A GitLab job log, ANSI colours and section markers included. */
export function gitlabLog(rand: Rand, errorLines: string[], total: number): string {
  const lines: string[] = [
    '\x1b[0KRunning with gitlab-runner 16.9.1 (782c6ecb)\x1b[0;m',
    '\x1b[0K  on docker-runner-2 xY3_abc, system ID: r_8aKe0\x1b[0;m',
    `section_start:${1700000000 + int(rand, 0, 9999999)}:prepare_executor\r\x1b[0K\x1b[0K\x1b[36;1mPreparing the "docker" executor\x1b[0;m\x1b[0;m`,
  ];
  const at = Math.max(4, Math.floor(total * (0.5 + rand() * 0.4)));
  for (let k = lines.length; k < total; k++) {
    if (k === at) for (const e of errorLines) lines.push(`\x1b[31;1m${e}\x1b[0;m`);
    else lines.push(noiseLine(rand));
  }
  lines.push(`section_end:${1700000000 + int(rand, 0, 9999999)}:step_script\r\x1b[0K\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m`);
  return lines.join('\n');
}

/** Plain terminal output: noise before and after, the error in red. */
export function terminalLog(rand: Rand, errorLines: string[], before: number, after: number): string {
  const lines: string[] = [];
  for (let k = 0; k < before; k++) lines.push(noiseLine(rand));
  for (const e of errorLines) lines.push(`\x1b[1m\x1b[31m${e}\x1b[39m\x1b[22m`);
  for (let k = 0; k < after; k++) lines.push(noiseLine(rand));
  return lines.join('\r\n');
}

/** Fixed clock for pino lines, so generated sets are reproducible. */
const PINO_EPOCH = Date.UTC(2025, 4, 20, 12, 0, 0);

/** One JSON log line per error line, with surrounding info lines. */
export function jsonLog(rand: Rand, errorLines: string[], around: number, style: 'pino' | 'zap' | 'python' | 'k8s' = 'pino'): string {
  const ts = () => new Date(Date.UTC(2025, 4, int(rand, 1, 28), int(rand, 0, 23), int(rand, 0, 59), int(rand, 0, 59))).toISOString();
  const info = () => {
    const msg = pick(rand, ['request completed', 'connected to database', 'cache warmed', 'health check ok', 'worker started', 'job scheduled']);
    if (style === 'zap') return JSON.stringify({ level: 'info', ts: rand() * 1e9, caller: 'server/main.go:88', msg });
    if (style === 'python') return JSON.stringify({ asctime: ts(), levelname: 'INFO', name: 'app', message: msg });
    if (style === 'k8s') return `${ts()} stdout F ${JSON.stringify({ severity: 'INFO', message: msg })}`;
    return JSON.stringify({ level: 30, time: PINO_EPOCH - int(rand, 0, 1e6), pid: int(rand, 10, 999), hostname: 'api-7d9f', msg });
  };
  const err = (text: string) => {
    if (style === 'zap') return JSON.stringify({ level: 'error', ts: rand() * 1e9, caller: 'server/handler.go:142', msg: 'request failed', error: text });
    if (style === 'python') return JSON.stringify({ asctime: ts(), levelname: 'ERROR', name: 'app.worker', message: text.split('\n').pop(), exc_info: text });
    if (style === 'k8s') return `${ts()} stderr F ${JSON.stringify({ severity: 'ERROR', message: text })}`;
    return JSON.stringify({ level: 50, time: PINO_EPOCH, pid: int(rand, 10, 999), hostname: 'api-7d9f', err: { type: 'Error', message: text, stack: `Error: ${text}\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)` }, msg: 'unhandled error' });
  };
  const lines: string[] = [];
  for (let k = 0; k < around; k++) lines.push(info());
  lines.push(err(errorLines.join('\n')));
  for (let k = 0; k < Math.max(1, around >> 1); k++) lines.push(info());
  return lines.join('\n');
}

/** Prefixes as `docker compose logs` or `kubectl logs --prefix` print them. */
export function prefixed(rand: Rand, errorLines: string[], around: number, kind: 'compose' | 'kubectl'): string {
  const prefix = kind === 'compose' ? `${pick(rand, ['api', 'web', 'worker', 'db'])}-1  | ` : `[pod/${pick(rand, ['api', 'web', 'worker'])}-${hex(rand, 9)}-${hex(rand, 5)}/app] `;
  const lines: string[] = [];
  for (let k = 0; k < around; k++) lines.push(prefix + noiseLine(rand));
  for (const e of errorLines) lines.push(prefix + e);
  for (let k = 0; k < around; k++) lines.push(prefix + noiseLine(rand));
  return lines.join('\n');
}

/** A long stack trace under the error line, in the style of a language. */
export function withTrace(rand: Rand, language: 'java' | 'python' | 'node' | 'go' | 'csharp', errorLine: string, frames = 30): string {
  const out: string[] = [];
  const fn = () => pick(rand, ['handle', 'process', 'run', 'invoke', 'call', 'execute', 'apply', 'dispatch', 'doFilter', 'service']);
  const cls = () => pick(rand, ['com.acme.api.OrderController', 'org.springframework.web.servlet.DispatcherServlet', 'org.apache.catalina.core.ApplicationFilterChain', 'com.acme.core.Service', 'java.base/java.lang.Thread', 'io.netty.channel.AbstractChannelHandlerContext']);
  switch (language) {
    case 'java':
      out.push(errorLine);
      for (let k = 0; k < frames; k++) out.push(`\tat ${cls()}.${fn()}(${pick(rand, ['Unknown Source', `Main.java:${int(rand, 10, 500)}`, `Service.java:${int(rand, 10, 500)}`])})`);
      out.push(`\t... ${int(rand, 10, 80)} more`);
      break;
    case 'python':
      out.push('Traceback (most recent call last):');
      for (let k = 0; k < frames; k++) {
        out.push(`  File "/app/${pick(rand, ['main', 'worker', 'service', 'db', 'api/views', 'lib/client'])}.py", line ${int(rand, 10, 400)}, in ${fn()}`);
        out.push(`    ${pick(rand, ['result = self.client.call(payload)', 'return func(*args, **kwargs)', 'data = fetch(url, timeout=30)', 'self.run()'])}`);
      }
      out.push(errorLine);
      break;
    case 'node':
      out.push(errorLine);
      for (let k = 0; k < frames; k++) out.push(`    at ${pick(rand, ['Object.<anonymous>', 'Module._compile', 'processTicksAndRejections', 'async Server.handle', 'Layer.handle [as handle_request]'])} (${pick(rand, ['/app/dist/server.js', 'node:internal/modules/cjs/loader', '/app/node_modules/express/lib/router/layer.js'])}:${int(rand, 1, 900)}:${int(rand, 1, 60)})`);
      break;
    case 'go':
      out.push(errorLine);
      out.push('');
      out.push(`goroutine ${int(rand, 1, 300)} [running]:`);
      for (let k = 0; k < frames; k++) {
        out.push(`${pick(rand, ['main.(*Server).handle', 'net/http.HandlerFunc.ServeHTTP', 'github.com/acme/api/internal/store.(*DB).Get', 'main.main'])}(0x${hex(rand, 10)}, 0x${hex(rand, 6)})`);
        out.push(`\t/${pick(rand, ['app/internal/store/db.go', 'usr/local/go/src/net/http/server.go', 'app/main.go'])}:${int(rand, 10, 900)} +0x${hex(rand, 3)}`);
      }
      break;
    case 'csharp':
      out.push(errorLine);
      for (let k = 0; k < frames; k++) out.push(`   at ${pick(rand, ['Acme.Api.Controllers.OrdersController', 'Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor', 'Acme.Data.Repository'])}.${fn()}() in /src/${pick(rand, ['Orders', 'Data', 'Api'])}.cs:line ${int(rand, 10, 400)}`);
      break;
  }
  return out.join('\n');
}

/** An 80-line log (or `total` lines) with the error line somewhere in the second half. */
export function logOfLines(rand: Rand, errorLine: string, total = 80): string {
  const lines: string[] = [];
  const at = Math.floor(total * (0.5 + rand() * 0.45));
  for (let k = 0; k < total; k++) lines.push(k === at ? errorLine : noiseLine(rand));
  return lines.join('\n');
}
