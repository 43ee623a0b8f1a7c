/**
 * `/_redirects` (the format Netlify and Cloudflare Pages read): each old address of a renamed
 * record, in each language, answered with a 301 to its new page, which keeps the `#section`. (A
 * file name starting with `_` cannot be a page file, hence the parameter.) Hosts that do not read it
 * serve the redirect pages instead.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPaths } from '../data/routes.ts';
import { redirectsFile } from '../lib/routing/redirects.ts';

export const getStaticPaths = (() => [{ params: { redirects: '_redirects' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const routes = (await staticPaths('redirect')).map((entry) => entry.props.route);
  return new Response(redirectsFile(routes), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
