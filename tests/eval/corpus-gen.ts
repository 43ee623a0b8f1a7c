/**
 * Synthetic records in the project's exact format, for honest benchmarks at scale (20,000 records).
 * Each record is built from a message template of a real tool: fixed wording with variable parts
 * (names, numbers, paths), combined with words that vary per record so records differ the way real
 * ones do. Regexes take the shapes real records have: a literal message, literal parts joined by
 * `.*` or `\d+` / `'[^']+'`, alternations of wordings, some Python-dialect ones with a leading `(?i)`
 * or named groups, some generic ones. Deterministic for a seed.
 */
import { pick, rng, type Rand } from './noise.ts';

interface Template {
  domain: string;
  /** Message with slots: {name} {num} {path} {word} {host} {type} */
  text: string;
  category: string;
}

const T: Template[] = [
  { domain: 'python', text: "ModuleNotFoundError: No module named '{name}'", category: 'dependency_error' },
  { domain: 'python', text: "AttributeError: '{type}' object has no attribute '{name}'", category: 'runtime_error' },
  { domain: 'python', text: "KeyError: '{name}' while reading {word} config", category: 'runtime_error' },
  { domain: 'python', text: 'ValueError: invalid literal for int() with base 10: {name}', category: 'runtime_error' },
  { domain: 'python', text: "TypeError: {word}() got an unexpected keyword argument '{name}'", category: 'type_error' },
  { domain: 'node', text: "Error: Cannot find module '{name}' imported from {path}", category: 'dependency_error' },
  { domain: 'node', text: 'TypeError: Cannot read properties of undefined (reading \'{name}\') in {word} handler', category: 'runtime_error' },
  { domain: 'node', text: 'Error [ERR_{WORD}_{NAME}]: {word} {name} is not supported', category: 'runtime_error' },
  { domain: 'docker', text: 'Error response from daemon: {word} {name} failed: {word2} not found', category: 'runtime_error' },
  { domain: 'docker', text: 'failed to solve: {name}: failed to read {word} metadata: {word2} denied', category: 'build_error' },
  { domain: 'kubernetes', text: 'Error from server ({WORD}): {word} "{name}" is forbidden: {word2} quota exceeded', category: 'config_error' },
  { domain: 'kubernetes', text: 'Back-off restarting failed container {name} in pod {name2}: {word} probe failed', category: 'runtime_error' },
  { domain: 'java', text: 'java.lang.{Word}Exception: {word} {name} could not be {word2}ed', category: 'runtime_error' },
  { domain: 'java', text: 'org.{word}.{name}.{Word}Exception: Failed to {word2} bean \'{name2}\'', category: 'config_error' },
  { domain: 'go', text: 'panic: {word}: {name} called on nil {Word}', category: 'runtime_error' },
  { domain: 'go', text: '{path}:{num}:{num2}: undefined: {name}.{Word}', category: 'build_error' },
  { domain: 'rust', text: 'error[E0{num3}]: {word} `{name}` {word2} not satisfied', category: 'build_error' },
  { domain: 'terraform', text: 'Error: {Word} {word2} error: {name} {word} already exists', category: 'config_error' },
  { domain: 'postgres', text: 'ERROR:  {word} "{name}" violates {word2} constraint "{name2}"', category: 'database_error' },
  { domain: 'mysql', text: "ERROR {num4} (HY000): {Word} {word2} for table '{name}'", category: 'database_error' },
  { domain: 'redis', text: '{WORD} {word} {name} is not allowed when {word2} is enabled', category: 'runtime_error' },
  { domain: 'nginx', text: '[emerg] {num}#{num}: {word} "{name}" directive is not allowed here in {path}:{num2}', category: 'config_error' },
  { domain: 'aws', text: 'An error occurred ({Word}{Word2}Exception) when calling the {Word}{Name} operation: {word} {name} not found', category: 'cloud_error' },
  { domain: 'gcp', text: 'ERROR: (gcloud.{word}.{word2}) {WORD}: {Word} {name} was not found in project {name2}', category: 'cloud_error' },
  { domain: 'dotnet', text: 'System.{Word}Exception: {Word} \'{name}\' could not be {word2}ed from assembly \'{Name}\'', category: 'runtime_error' },
  { domain: 'php', text: 'PHP Fatal error:  Uncaught {Word}Error: Call to undefined {word} {name}() in {path}:{num}', category: 'runtime_error' },
  { domain: 'git', text: "fatal: unable to {word} '{name}': {word2} {word3}", category: 'vcs_error' },
  { domain: 'grpc', text: 'rpc error: code = {WORD} desc = {word} {name}: {word2} {word3}', category: 'network_error' },
  { domain: 'kafka', text: 'org.apache.kafka.common.errors.{Word}{Word2}Exception: {word} {name} {word3}', category: 'messaging_error' },
  { domain: 'cuda', text: 'RuntimeError: CUDA error: {word} {word2} on device {num}: {name}', category: 'gpu_error' },
  { domain: 'typescript', text: "error TS{num4}: {Word} '{name}' {word2} {word3} type '{Name}'.", category: 'type_error' },
  { domain: 'webpack', text: "Module not found: Error: Can't resolve '{name}' in '{path}'", category: 'build_error' },
  { domain: 'android', text: 'E/AndroidRuntime: FATAL EXCEPTION: {word}  Process: com.{word2}.{name}, PID: {num}', category: 'runtime_error' },
  { domain: 'swift', text: "error: {word} '{name}' {word2} in scope", category: 'build_error' },
];

const WORDS = [
  'cache', 'socket', 'session', 'token', 'schema', 'index', 'bucket', 'volume', 'lease', 'shard', 'replica', 'channel', 'queue', 'topic', 'partition',
  'manifest', 'resolver', 'listener', 'handler', 'worker', 'pool', 'buffer', 'codec', 'cursor', 'snapshot', 'ledger', 'quota', 'secret', 'policy', 'binding',
  'registry', 'mirror', 'proxy', 'gateway', 'tunnel', 'cluster', 'node', 'pipeline', 'artifact', 'bundle', 'plugin', 'module', 'profile', 'tenant', 'realm',
  'certificate', 'keystore', 'signature', 'checksum', 'digest', 'migration', 'fixture', 'template', 'layout', 'viewport', 'thread', 'mutex', 'semaphore',
  'allocator', 'arena', 'heap', 'stack', 'frame', 'context', 'scope', 'closure', 'iterator', 'stream', 'reader', 'writer', 'encoder', 'decoder', 'parser',
  'lexer', 'compiler', 'linker', 'loader', 'sandbox', 'runtime', 'daemon', 'agent', 'probe', 'scheduler', 'dispatcher', 'watcher', 'journal', 'wal', 'segment',
  'compact', 'flush', 'commit', 'rollback', 'checkpoint', 'barrier', 'fence', 'epoch', 'offset', 'watermark', 'backoff', 'retry', 'throttle', 'limit', 'window',
  // A real corpus names far more things than the 100 words above; 20,000 records need a vocabulary
  // closer to that of real error messages, or every literal becomes a common word.
  'accessor', 'acknowledgement', 'adapter', 'affinity', 'aggregate', 'alias', 'allocation', 'annotation', 'appender', 'applet', 'archive', 'assertion',
  'attachment', 'authenticator', 'authority', 'autoscaler', 'balancer', 'baseline', 'batch', 'beacon', 'bitmap', 'blob', 'bootloader', 'breakpoint',
  'broker', 'bytecode', 'calendar', 'callback', 'canary', 'capability', 'cartridge', 'catalogue', 'changeset', 'chunk', 'cipher', 'classpath', 'classloader',
  'clipboard', 'collation', 'collector', 'column', 'compositor', 'connector', 'consensus', 'constraint', 'consumer', 'container', 'controller', 'cookie',
  'coordinator', 'coroutine', 'credential', 'cronjob', 'crossbar', 'datagram', 'datasource', 'deadline', 'debouncer', 'delegate', 'deployment', 'descriptor',
  'devicetree', 'dialect', 'dictionary', 'directive', 'discovery', 'dockerfile', 'driver', 'elector', 'emitter', 'enclave', 'endpoint', 'entitlement',
  'enumerator', 'environment', 'evaluator', 'eventloop', 'evictor', 'executor', 'exporter', 'extension', 'extractor', 'facade', 'factory', 'failover',
  'feature', 'federation', 'filesystem', 'filter', 'firmware', 'formatter', 'fragment', 'framebuffer', 'freelist', 'function', 'generator', 'geometry',
  'glyph', 'grammar', 'granule', 'graph', 'guard', 'handshake', 'hasher', 'header', 'heartbeat', 'histogram', 'hook', 'hypervisor', 'identity', 'image',
  'importer', 'indexer', 'ingress', 'initializer', 'injector', 'inode', 'instance', 'instrument', 'interceptor', 'interpreter', 'invoice', 'issuer',
  'journald', 'keyframe', 'keyring', 'kernel', 'label', 'latch', 'launcher', 'leader', 'lifecycle', 'linkage', 'locale', 'lockfile', 'logger', 'lookup',
  'mailbox', 'mapper', 'marshaller', 'matcher', 'memtable', 'mesh', 'metadata', 'middleware', 'migrator', 'monitor', 'multiplexer', 'namespace', 'notebook',
  'notifier', 'observer', 'operator', 'optimizer', 'orchestrator', 'outbox', 'overlay', 'packager', 'pagination', 'palette', 'partitioner', 'patch',
  'peer', 'permission', 'persister', 'placement', 'planner', 'poller', 'predicate', 'prefetcher', 'preprocessor', 'principal', 'printer', 'procedure',
  'producer', 'projection', 'promise', 'protocol', 'provisioner', 'publisher', 'quorum', 'rasterizer', 'reactor', 'rebalancer', 'receiver', 'reconciler',
  'recorder', 'reducer', 'reflector', 'renderer', 'replayer', 'repository', 'requester', 'reservation', 'resource', 'revision', 'router', 'sampler',
  'sanitizer', 'scanner', 'selector', 'sequencer', 'serializer', 'servlet', 'shader', 'sidecar', 'signer', 'sink', 'socketpair', 'spooler', 'statement',
  'subscriber', 'supervisor', 'swapfile', 'symlink', 'synchronizer', 'tablespace', 'tasklet', 'telemetry', 'tessellator', 'texture', 'tickets', 'timer',
  'tokenizer', 'tracer', 'transaction', 'transformer', 'transport', 'trigger', 'truststore', 'typechecker', 'uploader', 'validator', 'vault', 'vector',
  'verifier', 'viewmodel', 'visitor', 'webhook', 'widget', 'workspace', 'wrapper', 'zone', 'zookeeper',
];
const NAMES = [
  'orders', 'users', 'billing', 'auth', 'payments', 'inventory', 'search', 'reports', 'gateway', 'notifier', 'ledger', 'catalog', 'checkout', 'profile', 'media',
  'analytics', 'scheduler', 'mailer', 'exporter', 'importer', 'sync', 'backup', 'audit', 'metrics', 'tracing', 'config', 'secrets', 'uploads', 'thumbnails', 'feeds',
];
const TYPES = ['NoneType', 'str', 'int', 'list', 'dict', 'tuple', 'DataFrame', 'Series', 'ndarray', 'Response', 'Session', 'Tensor'];
const PATHS = ['/app/src/main.ts', '/srv/api/handler.go', '/etc/nginx/conf.d/site.conf', '/var/www/html/index.php', './src/lib/client.rs', 'C:\\build\\app\\Program.cs'];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Filled {
  /** Signature with placeholders for the variable parts. */
  signature: string;
  /** Parts: literal text or a slot kind. */
  parts: { lit?: string; slot?: string; value?: string }[];
}

function fill(rand: Rand, text: string): Filled {
  const parts: Filled['parts'] = [];
  let signature = '';
  const re = /\{(\w+)\}/g;
  let last = 0;
  const fixedWords = new Map<string, string>();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lit = text.slice(last, m.index);
    if (lit) parts.push({ lit });
    signature += lit;
    const slot = m[1]!;
    const lower = slot.toLowerCase().replace(/\d$/, '');
    let value: string;
    if (lower === 'word') {
      // Words are fixed per record: they make the record's wording its own.
      if (!fixedWords.has(slot)) fixedWords.set(slot, pick(rand, WORDS));
      value = fixedWords.get(slot) as string;
      value = slot === slot.toUpperCase() ? value.toUpperCase() : slot[0] === 'W' ? cap(value) : value;
      parts.push({ lit: value });
      signature += value;
    } else {
      // Variable parts: placeholders in the signature, a sample value for instances.
      const sample =
        lower === 'num' ? String(1 + Math.floor(rand() * 99)) : lower.startsWith('num') ? String(100 + Math.floor(rand() * 8900)) :
        lower === 'path' ? pick(rand, PATHS) : lower === 'type' ? pick(rand, TYPES) : lower === 'host' ? 'db.internal' : pick(rand, NAMES);
      value = slot === slot.toUpperCase() ? sample.toUpperCase() : slot[0] === 'N' ? cap(sample) : sample;
      if (slot === 'NAME' || slot === 'Name') {
        // Upper-case name slots are fixed too (they are part of the code name, e.g. ERR_CACHE_ORDERS).
        parts.push({ lit: value });
        signature += value;
      } else {
        parts.push({ slot: lower, value });
        signature += lower.startsWith('num') ? 'N' : lower === 'path' ? '<path>' : lower === 'type' ? 'X' : 'x';
      }
    }
    last = m.index + m[0].length;
  }
  const tail = text.slice(last);
  if (tail) parts.push({ lit: tail });
  signature += tail;
  return { signature, parts };
}

function slotRe(slot: string): string {
  if (slot.startsWith('num')) return '\\d+';
  if (slot === 'path') return '\\S+';
  return "[\\w.-]+";
}

/**
 * The literal runs of a filled template: consecutive literal parts (template wording and the record's
 * own words) joined, as they appear in the message — the phrases a record author would quote.
 */
function literalRuns(filled: Filled): string[] {
  const runs: string[] = [];
  let current = '';
  for (const p of filled.parts) {
    if (p.lit !== undefined) current += p.lit;
    else {
      if (current.trim()) runs.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) runs.push(current.trim());
  return runs;
}

/**
 * A code-like identifier for the record, as real records use for one-word alternatives (`NXDOMAIN`,
 * `OOMKilled`, `ECONNRESET`): built from the record's own words, so it is rare across the corpus.
 */
function codeFor(rand: Rand, filled: Filled): string {
  const words = filled.parts.filter((p) => p.lit && /^[A-Za-z]+$/.test(p.lit)).map((p) => (p.lit as string).toLowerCase());
  const a = words[0] ?? pick(rand, WORDS);
  const b = words[1] ?? pick(rand, WORDS);
  return rand() < 0.5 ? `E${a.slice(0, 4).toUpperCase()}${b.slice(0, 4).toUpperCase()}` : `${cap(a)}${cap(b)}Error`;
}

function regexFor(rand: Rand, filled: Filled): string {
  const shape = rand();
  const runs = literalRuns(filled);
  if (shape < 0.3) {
    // Full message: literals escaped, slots as classes.
    return filled.parts.map((p) => (p.lit ? escapeRe(p.lit) : slotRe(p.slot as string))).join('');
  }
  if (shape < 0.55) {
    // Literal runs joined by .*
    return runs.map(escapeRe).join('.*');
  }
  if (shape < 0.75) {
    // Alternation of wordings (like many real records): the longest phrases, sometimes with a code.
    const phrases = [...runs].sort((a, b) => b.length - a.length).filter((l) => /\S\s+\S/.test(l) || l.length >= 12).slice(0, 2).map(escapeRe);
    if (phrases.length === 0 || rand() < 0.4) phrases.push(codeFor(rand, filled));
    return `(${phrases.join('|')})`;
  }
  if (shape < 0.85) {
    // Python dialect with a leading inline flag and a named group.
    const first = filled.parts.findIndex((p) => p.slot);
    return `(?i)${filled.parts.map((p, k) => (p.lit ? escapeRe(p.lit) : k === first ? `(?P<${p.slot}>${slotRe(p.slot as string)})` : slotRe(p.slot as string))).join('')}`;
  }
  if (shape < 0.95) {
    // Two longest literal runs in order
    const longest = runs.filter((l) => l.length > 2).sort((a, b) => b.length - a.length).slice(0, 2);
    return longest.map(escapeRe).join('.*');
  }
  // Generic: the shortest literal run of at least two words (`not found`, `is not allowed here in`)
  const generic = runs.filter((l) => /\S\s+\S/.test(l)).sort((a, b) => a.length - b.length);
  return escapeRe(generic[0] ?? runs[0] ?? 'error');
}

/** A concrete message for a record (what a user would paste), from its filled template. */
export function instanceOf(rand: Rand, filled: Filled): string {
  return filled.parts.map((p) => (p.lit ? p.lit : p.slot?.startsWith('num') ? String(Math.floor(rand() * 9000)) : p.slot === 'path' ? pick(rand, PATHS) : pick(rand, NAMES))).join('');
}

export interface GeneratedRecord {
  record: Record<string, unknown>;
  /** A concrete message the record explains (for benchmarks). */
  sample: string;
}

/** Bumped whenever the generator's output changes, so benchmarks regenerate a stale corpus. */
export const GENERATOR_VERSION = 2;

export function generateCorpus(count: number, seed: number): GeneratedRecord[] {
  const rand = rng(seed);
  const out: GeneratedRecord[] = [];
  const ids = new Set<string>();
  for (let k = 0; out.length < count; k++) {
    const template = T[Math.floor(rand() * T.length)]!;
    const filled = fill(rand, template.text);
    const slugWords = filled.signature.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w.length > 2 && w !== 'error').slice(0, 6);
    let id = `${template.domain}/${slugWords.join('-') || 'error'}`;
    if (ids.has(id)) id = `${id}-${k}`;
    ids.add(id);
    const regex = regexFor(rand, filled);
    const date = `202${Math.floor(rand() * 5)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
    const lits = filled.parts.filter((p) => p.lit).map((p) => p.lit as string);
    const aliases = rand() < 0.3 ? [filled.signature.replace(/^[\w.]+(Error|Exception):\s*/, '').replace(/^(ERROR|Error|error):?\s*/, '')] : [];
    const record = {
      id,
      signature: filled.signature,
      signature_zh: null,
      regex,
      domain: template.domain,
      category: template.category,
      subcategory: null,
      root_cause: `The ${lits[1]?.trim() || template.domain} step fails because the ${pick(rand, WORDS)} it depends on is ${pick(rand, ['missing', 'misconfigured', 'stale', 'exhausted', 'locked', 'incompatible'])}.`,
      root_cause_type: rand() < 0.5 ? 'generic' : 'specific',
      root_cause_zh: null,
      versions: [{ version: `${template.domain} ${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 20)}`, introduced: null, deprecated: null, removed: null, behavior_change: null, status: 'active' }],
      os_specific: {},
      dead_ends: [
        { action: `Restart the ${pick(rand, WORDS)}`, why_fails: 'The condition comes back as soon as the same input is processed again.', fail_rate: Math.round(rand() * 100) / 100, condition: '', sources: [] },
        { action: `Raise the ${pick(rand, WORDS)} timeout`, why_fails: 'The error is not caused by slowness; waiting longer changes nothing.', fail_rate: Math.round(rand() * 100) / 100, condition: '', sources: [] },
      ],
      workarounds: [
        { action: `Recreate the ${pick(rand, WORDS)} with the expected settings`, success_rate: Math.round(rand() * 100) / 100, how: `Check the ${pick(rand, WORDS)} configuration and apply it again.`, condition: '', sources: [] },
      ],
      workarounds_zh: [],
      transition_graph: { leads_to: [], preceded_by: [], frequently_confused_with: [] },
      official_doc_url: null,
      official_doc_section: null,
      error_code: null,
      verification_tier: 'auto_generated',
      confidence: Math.round(rand() * 100) / 100,
      fix_success_rate: Math.round(rand() * 100) / 100,
      resolvable: pick(rand, ['true', 'partial', 'false'] as const),
      first_seen: date,
      last_confirmed: date,
      last_updated: date,
      evidence_count: Math.floor(rand() * 20),
      tags: [],
      locale: 'en',
      aliases,
    };
    out.push({ record, sample: instanceOf(rand, filled) });
  }
  return out;
}
