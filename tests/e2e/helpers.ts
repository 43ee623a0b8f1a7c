import { readdirSync, readFileSync } from 'node:fs';

export const EXAMPLE_ID = 'grpc/grpc-connection-reset-by-peer';
export const EXAMPLE_EN = `/${EXAMPLE_ID}/`;
export const EXAMPLE_ZH = `/zh/${EXAMPLE_ID}/`;

export function exampleRecord(): Record<string, any> {
  return JSON.parse(readFileSync(new URL('../../content/errors/grpc/grpc-connection-reset-by-peer.json', import.meta.url), 'utf8'));
}

/** Every section anchor a record page publishes for a record with three workarounds and three dead ends. */
export const SECTION_IDS = ['signature', 'root-cause', 'workarounds', 'dead-ends', 'versions', 'related', 'details'];

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

const RECORDS_DIR = new URL('../../content/errors/', import.meta.url);

/** The ids of every shipped record, for checks that must hold on all of them. */
export function shippedRecordIds(): string[] {
  return readdirSync(RECORDS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((domain) => readdirSync(new URL(`${domain.name}/`, RECORDS_DIR)).filter((file) => file.endsWith('.json')).map((file) => `${domain.name}/${file.slice(0, -5)}`))
    .sort();
}

export function shippedRecord(id: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`${id}.json`, RECORDS_DIR), 'utf8'));
}
