import { readFileSync } from 'node:fs';

export const EXAMPLE_ID = 'grpc/grpc-connection-reset-by-peer';
export const EXAMPLE_EN = `/${EXAMPLE_ID}/`;
export const EXAMPLE_ZH = `/zh/${EXAMPLE_ID}/`;

export function exampleRecord(): Record<string, any> {
  return JSON.parse(readFileSync(new URL('../../content/errors/grpc/grpc-connection-reset-by-peer.json', import.meta.url), 'utf8'));
}

/** Every section anchor a record page publishes for a record with three workarounds and three dead ends. */
export const SECTION_IDS = ['signature', 'root-cause', 'workarounds', 'dead-ends', 'versions', 'related', 'details'];

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
