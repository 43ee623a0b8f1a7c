/**
 * "On this page" for a record: the sections in page order, workarounds and dead ends under theirs.
 * Anchors are the page's fixed section ids (`recordAnchors`), never derived from heading text.
 */
import { translate } from '../i18n/index.ts';
import type { Locale } from '../site-config.ts';
import type { DeadEndView, WorkaroundView } from './entries.ts';
import { shortTitle } from './titles.ts';

export interface TocEntry {
  anchor: string;
  label: string;
  /** The language of the label, where it differs from the page's (record text not yet translated). */
  lang?: Locale;
  children: TocEntry[];
}


interface TocSource {
  workarounds: readonly WorkaroundView[];
  deadEnds: readonly DeadEndView[];
}

export function tableOfContents(view: TocSource, locale: Locale): TocEntry[] {
  const entry = (anchor: string, label: string, children: TocEntry[] = []): TocEntry => ({ anchor, label, children });
  const child = (item: WorkaroundView | DeadEndView): TocEntry => ({
    anchor: item.anchor,
    label: shortTitle(item.title.text),
    ...(item.title.lang !== locale ? { lang: item.title.lang } : {}),
    children: [],
  });
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return [
    entry('root-cause', t('record.rootCause')),
    entry('workarounds', t('record.workarounds'), view.workarounds.map(child)),
    entry('dead-ends', t('record.deadEnds'), view.deadEnds.map(child)),
    entry('related', t('record.related')),
    entry('versions', t('record.versions')),
    entry('details', t('record.details')),
  ];
}
