/** Emits the matcher index under its content-hashed name. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMatcherIndexFile } from '../../data/matcher-index.ts';

export const getStaticPaths = (async () => {
  const file = await getMatcherIndexFile();
  return [{ params: { file: file.name } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const file = await getMatcherIndexFile();
  return new Response(file.body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
