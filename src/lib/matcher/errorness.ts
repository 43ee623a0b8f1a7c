/**
 * How much a line looks like the line that names an error ("errorness"), and whether it is a stack
 * frame: the signs are error words, error codes in capitals, Kubernetes reasons, server error statuses,
 * gRPC statuses, level words and their Chinese-locale twins.
 */
import { anyOf, NON_ASCII, probe } from './probe.ts';

const FRAME_RES: RegExp[] = [
  // Java / Kotlin / Scala, C# ("at X.Y() in file:line 3"), Node ("at fn (file:1:2)" / "at file:1:2")
  /^\s*at\s+\S.*(?:\(.*\)|:\d+(?::\d+)?\)?|\sin\s.+:line\s\d+)(?:\s*\{)?\s*$/,
  /^\s*at\s+[\w$.<>\[\]/]+\s*$/,
  /^\s*\.\.\.\s*\d+\s+(?:more|common frames omitted)\s*$/,
  // Python
  /^\s*File\s+"[^"]+",\s+line\s+\d+/,
  // Go: goroutine header, file frames (function frames: GO_FUNCTION_FRAME)
  /^goroutine\s+\d+\s+\[[^\]]*\]:\s*$/,
  /^\s+\/[^\s:]+\.go:\d+(?:\s+\+0x[0-9a-f]+)?\s*$/,
  /^\s*created by\s+\S+/,
  // Rust backtrace
  /^\s*\d+:\s+(?:0x[0-9a-f]+\s+-\s+)?[\w:<>_$.]+(?:::\w+)+/,
  /^\s+at\s+[^\s]+\.rs:\d+(?::\d+)?\s*$/,
  // PHP "#0 /path/file.php(12): fn()"
  /^#\d+\s+(?:\/|\{main\}|\[internal)/,
  // Dart and Flutter "#0      BlocBase.emit (package:bloc/src/bloc_base.dart:97:9)"
  /^\s*#\d+\s+\S.*\((?:package|dart|file):[^()]*:\d+(?::\d+)?\)\s*$/,
  // C and C++ under gdb or a sanitizer "    #0 0x4c5a3e in main /src/x.c:12:3"
  /^\s*#\d+\s+0x[0-9a-f]+\s+in\s/,
  // Ruby "from /path/file.rb:12:in `x'"
  /^\s*from\s+\S+:\d+:in\s/,
];

/**
 * Go function frames: `main.(*Server).Serve(0xc000123, …)`. Kept apart because trying it backtracks
 * over every dotted name (`java.lang.IllegalStateException: …`), and only a line ending in `)` can match.
 * Their arguments hold no colon: a compiler's `HudController.cs(14,12): error CS0246: … reference?)`
 * also ends in `)` and was read as a frame (and so never matched) before.
 */
const GO_FUNCTION_FRAME = /^\s*[\w./*()-]+\.[\w*().-]+\([^:]*\)\s*$/;

/** All other frame patterns at once (none has flags): matches exactly where one of them does. */
const ANY_FRAME = anyOf(FRAME_RES, '');

export function isStackFrame(line: string): boolean {
  const head = probe(line);
  return ANY_FRAME.test(head) || (head.trimEnd().endsWith(')') && GO_FUNCTION_FRAME.test(head));
}

const ERROR_WORDS =
  /\b(?:error|errors|exception|fatal|failed|failure|fails|panic|panicked|traceback|denied|refused|cannot|can't|could not|couldn't|unable|invalid|not found|no such|timed? ?out|timeout|abort(?:ed)?|errno|segmentation fault|killed|undefined|unexpected|missing|exceeded|unavailable|forbidden|unauthori[sz]ed|conflict|deadlock|violation|rejected|too many|out of memory|oom|not allowed|unsupported|mismatch|incompatible|unresolved|unknown|illegal|corrupt(?:ed)?|crash(?:ed)?|too large|bad request|bad gateway|unprocessable|not recognized|unbound variable|ERR_[A-Z_]+)\b|\b[A-Za-z]\w{0,60}(?:Error|Exception|Fault)\b/i;
/**
 * Error codes, in capitals only: errno names (`EACCES`, `ECONNREFUSED`), compiler and tool codes
 * (`TS2304`, `CS1002`, `E0425`), and status names joined by `_` (`PERMISSION_DENIED`,
 * `DEADLINE_EXCEEDED`, `ALLOCATION_FAILED`: the `_` hides the error word from `\b`), with the rest of
 * gRPC's and the brokers' status names (`NOT_FOUND`, `ALREADY_EXISTS`, `FAILED_PRECONDITION`,
 * `UNAUTHENTICATED`: RabbitMQ's `NOT_FOUND - no queue 'x'` has no other error sign).
 * Case-insensitively these would be ordinary words ("every", "else").
 */
const ERROR_CODES = /\b(?:E[A-Z]{3,}|[A-Z]{2,}\d{3,}|E\d{4}|[A-Z][A-Z_]*_(?:FAILED|FAILURE|ERROR|DENIED|EXCEEDED|EXHAUSTED|TIMEOUT|REFUSED|INVALID|UNAVAILABLE|FOUND|EXISTS)|(?:INVALID|FAILED)_[A-Z_]+|UNAUTHENTICATED|UNIMPLEMENTED|OUT_OF_RANGE|DATA_LOSS)\b/;
/**
 * Reasons written as one CamelCase word, in capitals as printed (Kubernetes events and statuses:
 * `FailedScheduling`, `FailedMount`, `CrashLoopBackOff`, `OOMKilled`, `Evicted`): the line is an error
 * line though no error word stands alone in it.
 */
const ERROR_REASONS = /\b(?:Failed[A-Z]\w*|\w*BackOff|OOMKilled|Evicted|Unhealthy|ErrImagePull)\b/;
/**
 * A row of `kubectl get pods` whose pod has none of its containers ready (`0/1`) and has not
 * completed: `pg-0   0/1   ContainerCreating   0   27m`, `api-1   0/1   Pending   0   14m`. The status
 * says the pod is stuck, though no error word stands in the row.
 */
const POD_NOT_READY = /^\S+\s+0\/[1-9]\d*\s+(?!Completed\b)[A-Z][\w:./-]*\s+\d+(?:\s+\(|\s+\d|\s*$)/;
/**
 * An access log's request answered with a server error (nginx, Envoy, Apache: `"GET /items HTTP/1.1"
 * 503 UH …`): the status is the line's error sign, though no error word stands in it.
 */
const SERVER_ERROR_STATUS = /"[A-Z]{3,7} \S+ HTTP\/[\d.]+" 5\d\d\b/;
/**
 * A gRPC status other than OK named as a call's code, as grpcurl, Go and .NET print it (`Code:
 * Unimplemented`, `code = Unavailable`, `StatusCode="DeadlineExceeded"`): the status is the line's
 * error sign, though in CamelCase it is neither an error word nor a code in capitals.
 */
const GRPC_STATUS = /\b(?:[Cc]ode|[Ss]tatus(?:Code)?)\s*[:=]\s*"?(?:Cancell?ed|Unknown|InvalidArgument|DeadlineExceeded|NotFound|AlreadyExists|PermissionDenied|ResourceExhausted|FailedPrecondition|Aborted|OutOfRange|Unimplemented|Internal|Unavailable|DataLoss|Unauthenticated)\b/;
const LEVEL_ERROR = /^(?:\S+\s+)?\[?(?:ERROR|ERR!?|FATAL|CRITICAL|SEVERE|PANIC|E)\]?[\s:|]/;
/**
 * A line after `> ` is a command echoed (npm's `> app@1.0.0 build`, `> tsc -p .`) unless it starts like a
 * sentence: Gradle prints an error's causes under `* What went wrong:` as `> Could not resolve all
 * files for configuration …`, and a quoted message starts with its capital too.
 */
const ECHOED_COMMAND = /^\s*>\s(?![A-Z])/;
const BENIGN = /^(?:\s*(?:\+|\$|#)\s|\s*(?:Downloading|Collecting|Installing|Requirement already|Step \d+\/\d+|Running|Pulling|Successfully|Using cache|Fetching|Resolving|Compiling|Building|Finished|added \d+ packages|Digest:|Status:|Cloning|Checking out))/i;

/** The same signs in a Chinese locale (no word boundaries there): what git, glibc, bash and PostgreSQL print. */
const ZH_ERROR_WORDS = /错误|失败|拒绝|无法|不能|不允许|未找到|找不到|没有那个|不存在|超时|冲突|死锁|异常|权限不够|已杀死|终止|违反|过多|太多|已在使用|没有空间|不可用|非法|致命|中止|崩溃|溢出|恐慌|可疑|未绑定的变量/;
const ZH_LEVEL_ERROR = /^(?:\S+\s+)?(?:错误|致命错误|严重错误|恐慌)\s*[:：]/;
const ZH_LEADING_ERROR = /^\s*(?:错误|致命错误|严重错误)/;

/** What a level word (`ERROR`, `[E]`, `FATAL:`) adds to a line's errorness. */
export const LEVEL_SHARE = 0.3;

/**
 * A line that is only a file's path (ESLint's and Stylelint's header above a file's findings,
 * `/src/errors/handleFailure.ts`): the words of its names are no error signs.
 */
const PATH_ONLY = /^\s*(?:[A-Za-z]:)?(?:\.{0,2}[\\/]|~[\\/])?[\w.@+-]+(?:[\\/][\w.@+-]+)+[\\/]?\s*$/;

/**
 * A warning's signs, as tools print them (`WARNING`, `Warning:`, `deprecated`, `stuck`, `may not
 * work`): a lesser error sign, worth a level word's share. Deprecations, a job stuck without a
 * runner and Django's unapplied migrations are records' messages that name no error, and without a
 * sign their lines were never compared by wording once other lines had one. (`warning` inside a
 * sentence, "a warning for anyone", is no sign.)
 */
const WARNING_WORDS = /\b(?:WARN(?:ING)?\b|[Ww]arn(?:ing)?:|[Dd]eprecat(?:ed|ion)\b|stuck\b|may not work\b|will not work\b)/;

export function errorness(text: string): number {
  const line = probe(text);
  if (line.trim() === '' || PATH_ONLY.test(line)) return 0;
  let score = 0;
  const zh = NON_ASCII.test(line) && ZH_ERROR_WORDS.test(line);
  if (zh || ERROR_WORDS.test(line) || ERROR_CODES.test(line) || ERROR_REASONS.test(line) || (line.includes(' 0/') && POD_NOT_READY.test(line)) || (line.includes('HTTP/') && SERVER_ERROR_STATUS.test(line)) || ((line.includes('ode') || line.includes('tatus')) && GRPC_STATUS.test(line))) score += 0.6;
  if (LEVEL_ERROR.test(line) || (zh && ZH_LEVEL_ERROR.test(line))) score += LEVEL_SHARE;
  if (/^\s*(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception)\b|^\s*(?:error|fatal|panic)\b/i.test(line) || (zh && ZH_LEADING_ERROR.test(line))) score += 0.3;
  if (score === 0 && WARNING_WORDS.test(line)) score = LEVEL_SHARE;
  // (Without error signs the score is 0 whether or not the line is benign.)
  if (score > 0 && (BENIGN.test(line) || ECHOED_COMMAND.test(line))) score -= 0.4;
  return Math.max(0, Math.min(1, score));
}
