/**
 * Stored values as people read them. Records carry values such as `network_error`, `ai_generated` or
 * `linux`: fine in JSON, noise on a page. Every value the format's own records use has a label in
 * both languages here; any other value (users' records bring their own) is humanised
 * (`etiquette_violation` → "Etiquette violation"), never shown as stored.
 */
import type { Locale } from '../site-config.ts';

type Labels = Record<string, Record<Locale, string>>;

/** The kinds of error (`category`, `subcategory`). */
const CATEGORY: Labels = {
  auth_error: { en: 'Authentication error', zh: '认证错误' },
  availability_error: { en: 'Availability error', zh: '可用性错误' },
  build_error: { en: 'Build error', zh: '构建错误' },
  cache_error: { en: 'Cache error', zh: '缓存错误' },
  cluster_error: { en: 'Cluster error', zh: '集群错误' },
  compatibility_error: { en: 'Compatibility error', zh: '兼容性错误' },
  concurrency_error: { en: 'Concurrency error', zh: '并发错误' },
  config_error: { en: 'Configuration error', zh: '配置错误' },
  configuration_error: { en: 'Configuration error', zh: '配置错误' },
  conflict_error: { en: 'Conflict', zh: '冲突' },
  connection_error: { en: 'Connection error', zh: '连接错误' },
  constraint_error: { en: 'Constraint violation', zh: '约束冲突' },
  data_error: { en: 'Data error', zh: '数据错误' },
  database_error: { en: 'Database error', zh: '数据库错误' },
  dependency_error: { en: 'Dependency error', zh: '依赖错误' },
  deprecation_warning: { en: 'Deprecation warning', zh: '弃用警告' },
  environment_error: { en: 'Environment error', zh: '环境错误' },
  filesystem_error: { en: 'File system error', zh: '文件系统错误' },
  http_error: { en: 'HTTP error', zh: 'HTTP 错误' },
  install_error: { en: 'Installation error', zh: '安装错误' },
  io_error: { en: 'I/O error', zh: 'I/O 错误' },
  memory_error: { en: 'Memory error', zh: '内存错误' },
  module_error: { en: 'Module error', zh: '模块错误' },
  network_error: { en: 'Network error', zh: '网络错误' },
  performance_error: { en: 'Performance problem', zh: '性能问题' },
  permission_error: { en: 'Permission error', zh: '权限错误' },
  replication_error: { en: 'Replication error', zh: '复制错误' },
  resource_error: { en: 'Resource error', zh: '资源错误' },
  runner_error: { en: 'CI runner error', zh: 'CI 运行器错误' },
  runtime_error: { en: 'Runtime error', zh: '运行时错误' },
  runtime_warning: { en: 'Runtime warning', zh: '运行时警告' },
  schema_error: { en: 'Schema error', zh: '模式错误' },
  security_error: { en: 'Security error', zh: '安全错误' },
  state_error: { en: 'State error', zh: '状态错误' },
  syntax_error: { en: 'Syntax error', zh: '语法错误' },
  test_failure: { en: 'Test failure', zh: '测试失败' },
  timeout_error: { en: 'Timeout', zh: '超时' },
  tls_error: { en: 'TLS error', zh: 'TLS 错误' },
  type_error: { en: 'Type error', zh: '类型错误' },
  validation_error: { en: 'Validation error', zh: '校验错误' },
  vcs_error: { en: 'Version control error', zh: '版本控制错误' },
};

/** How specific the root cause is (`root_cause_type`). */
const ROOT_CAUSE_TYPE: Labels = {
  generic: { en: 'General: several causes lead to this message', zh: '笼统：多种原因都会导致这条消息' },
  specific: { en: 'Specific: one known cause', zh: '具体：原因明确' },
};

/** How the record was checked (`verification_tier`). */
const VERIFICATION: Labels = {
  ai_generated: { en: 'Written by AI, not reviewed by a person', zh: '由 AI 撰写，未经人工审核' },
  auto_generated: { en: 'Generated automatically, not reviewed by a person', zh: '自动生成，未经人工审核' },
  human_reviewed: { en: 'Reviewed by a person', zh: '经人工审核' },
  community: { en: 'Contributed by the community', zh: '社区贡献' },
};

/** A version's `status`. */
const VERSION_STATUS: Labels = {
  active: { en: 'Current', zh: '现行' },
  current: { en: 'Current', zh: '现行' },
  fixed: { en: 'Fixed', zh: '已修复' },
  deprecated: { en: 'Deprecated', zh: '已弃用' },
  removed: { en: 'Removed', zh: '已移除' },
  changed: { en: 'Behaviour changed', zh: '行为已变更' },
  unknown: { en: 'Unknown', zh: '未知' },
};

/** Keys of `os_specific`. */
const OPERATING_SYSTEM: Labels = {
  linux: { en: 'Linux', zh: 'Linux' },
  windows: { en: 'Windows', zh: 'Windows' },
  macos: { en: 'macOS', zh: 'macOS' },
  darwin: { en: 'macOS', zh: 'macOS' },
  osx: { en: 'macOS', zh: 'macOS' },
  freebsd: { en: 'FreeBSD', zh: 'FreeBSD' },
  android: { en: 'Android', zh: 'Android' },
  ios: { en: 'iOS', zh: 'iOS' },
  wsl: { en: 'Windows Subsystem for Linux', zh: 'WSL（适用于 Linux 的 Windows 子系统）' },
};

const TABLES = {
  category: CATEGORY,
  rootCauseType: ROOT_CAUSE_TYPE,
  verification: VERIFICATION,
  versionStatus: VERSION_STATUS,
  operatingSystem: OPERATING_SYSTEM,
} as const;

export type LabelGroup = keyof typeof TABLES;

/** A label and the language it is really in (a humanised unknown value stays in its own words). */
export interface ValueLabel {
  text: string;
  /** False when the value had no label and was humanised. */
  known: boolean;
}

/** Whether a value looks like an identifier (`snake_case`, `kebab-case`, all lower case) rather than prose. */
function looksLikeIdentifier(value: string): boolean {
  return /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/.test(value);
}

/** `etiquette_violation` → "Etiquette violation"; prose stays as it is. */
export function humanize(value: string): string {
  const trimmed = value.trim();
  if (!looksLikeIdentifier(trimmed)) return trimmed;
  const words = trimmed.split(/[_-]+/).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of a stored value in `locale`. */
export function labelOf(group: LabelGroup, value: string, locale: Locale): ValueLabel {
  const known = TABLES[group][value.trim().toLowerCase()];
  return known ? { text: known[locale], known: true } : { text: humanize(value), known: false };
}

/** Every value with a label, per group: for the format guide and tests. */
export function labelledValues(group: LabelGroup): string[] {
  return Object.keys(TABLES[group]);
}
