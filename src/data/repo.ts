/** The repository settings of this build (site-config.ts) and where its records folder sits in it. */
import { relative, sep } from 'node:path';
import { recordsDir } from '../node/records.ts';
import { repoSettings, type RepoSettings } from '../lib/site-config.ts';

export interface BuildRepo {
  repo: RepoSettings | null;
  /** The records folder relative to the project (`content/errors`); null when it lies outside. */
  recordsPath: string | null;
}

let cached: BuildRepo | undefined;

export function getBuildRepo(): BuildRepo {
  if (cached) return cached;
  const path = relative(process.cwd(), recordsDir()).split(sep).join('/');
  cached = { repo: repoSettings(), recordsPath: path === '' || path.startsWith('..') || path.startsWith('/') ? null : path };
  return cached;
}
