/**
 * The sub-path test build: the site built for `https://error-atlas.example/errors/` into
 * `dist-subpath/`, so that the link check and an end-to-end project prove that a host serving the
 * site from a sub-folder gets no link outside it. Shared by the build script, `npm test` and Playwright.
 */
export const SUBPATH_SITE_URL = 'https://error-atlas.example/errors/';
export const SUBPATH_BASE = new URL(SUBPATH_SITE_URL).pathname;
export const SUBPATH_OUT_DIR = 'dist-subpath';
