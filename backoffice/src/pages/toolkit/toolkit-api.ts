/** The toolkit API: pages, versions, saving a new version (national coordinator). */
import { apiRequest } from '../../api/api-client.ts';

export interface ToolkitSummary {
  slug: string;
  title: string;
  version: number;
  editedAt: string;
  editedByName: string | null;
}

export interface ToolkitPageView extends ToolkitSummary {
  markdown: string;
  /** Made on the server from the Markdown: raw HTML escaped, links only http(s)/mailto/tel. */
  html: string;
  currentVersion: number;
}

export interface ToolkitVersions {
  slug: string;
  versions: Array<{ version: number; title: string; editedAt: string; editedByName: string | null }>;
}

export function fetchToolkit(): Promise<{ pages: ToolkitSummary[] }> {
  return apiRequest('GET', '/toolkit');
}

/** The current version, or an older one. */
export function fetchToolkitPage(slug: string, version?: number): Promise<ToolkitPageView> {
  const path = version ? `/toolkit/${slug}/versions/${version}` : `/toolkit/${slug}`;
  return apiRequest('GET', path);
}

export function fetchToolkitVersions(slug: string): Promise<ToolkitVersions> {
  return apiRequest('GET', `/toolkit/${slug}/versions`);
}

export function saveToolkitPage(
  slug: string,
  body: { title: string; markdown: string; baseVersion: number },
): Promise<{ slug: string; version: number }> {
  return apiRequest('PUT', `/toolkit/${slug}`, { body });
}
