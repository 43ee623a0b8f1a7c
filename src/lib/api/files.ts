/**
 * How `npm run build` hands the records' API files past Astro (docs/benchmarks.md, "Build"): the
 * build's entry point (scripts/build/site.mjs) sets this variable to a scratch folder; the content
 * check, which has just parsed and validated every record beside Astro's start-up, writes each
 * record's file there (`recordApiFile`, lib/api/v1.ts), the record route then leaves them out of
 * Astro's pages, and site.mjs moves the folder into the built site once Astro has exited. Unset
 * (`astro dev`, a plain `astro build`), the route serves and renders them as before.
 */
export const RECORD_API_FILES_ENV = 'ATLAS_RECORD_API_FILES';
