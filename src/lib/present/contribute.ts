/**
 * The record page's "edit this record" and "report a problem" links, for a site whose records live
 * in a GitHub-style repository (`ATLAS_REPO_URL`): the record's file in the web editor, and a new
 * issue with the record and its page filled in. None without a repository, or when the records
 * folder is not inside it.
 */
import type { RepoSettings } from '../site-config.ts';

export interface ContributeLinks {
  edit: string;
  report: string;
}

/** `recordsPath`: the records folder relative to the repository (`content/errors`), or null when outside it. */
export function contributeLinks(id: string, pageUrl: string, repo: RepoSettings | null, recordsPath: string | null): ContributeLinks | null {
  if (!repo || recordsPath === null) return null;
  const file = `${recordsPath.replace(/\/+$/, '')}/${id}.json`;
  const query = new URLSearchParams({ title: `Problem with ${id}`, body: `Page: ${pageUrl}\nFile: ${file}\n\nWhat is wrong, and how do you know?\n` });
  return {
    edit: `${repo.url}/edit/${encodeURIComponent(repo.branch)}/${file.split('/').map(encodeURIComponent).join('/')}`,
    report: `${repo.url}/issues/new?${query.toString()}`,
  };
}
