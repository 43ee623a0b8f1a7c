/**
 * JSON-LD for a record page (schema.org): a technical article about the error, its root cause as the
 * description and its workarounds as the steps of a how-to, best first, each linking to its anchor.
 * Search engines and bots read it; the page shows the same facts.
 */
import type { RecordView } from './record.ts';

export function recordJsonLd(view: RecordView, pageUrl: string, lang: string, lastUpdated: string | null): Record<string, unknown> {
  const steps = view.workarounds
    .filter((workaround) => workaround.action)
    .map((workaround) => ({
      '@type': 'HowToStep',
      position: workaround.n,
      name: workaround.action!.text,
      ...(workaround.how ? { text: workaround.how.text } : {}),
      url: `${pageUrl}#${workaround.anchor}`,
    }));
  return {
    '@context': 'https://schema.org',
    '@type': 'TechArticle',
    headline: view.signature.text,
    description: view.description,
    inLanguage: lang,
    url: pageUrl,
    ...(lastUpdated ? { dateModified: lastUpdated } : {}),
    ...(steps.length > 0 ? { mainEntity: { '@type': 'HowTo', name: view.signature.text, step: steps } } : {}),
  };
}

/** JSON for an inline `<script type="application/ld+json">`: no `<` can end the element early. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
