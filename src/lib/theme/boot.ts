/**
 * Light and dark: the page follows the system until the reader picks one with the header's switch;
 * the pick is remembered (localStorage) and applied by a tiny script in `<head>`, before anything is
 * drawn, so a page never flashes the other theme. The script is inline, so its hash goes into the
 * Content-Security-Policy (`security/csp.ts`).
 */
export const THEME_STORAGE_KEY = 'atlas-theme';
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Sets `<html data-theme>` from the stored pick; storage may be unavailable (private modes): then nothing. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
