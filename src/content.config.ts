/**
 * The records collection: every `<domain>/<slug>.json` below the records directory
 * (`ATLAS_ERRORS_DIR`, or the shipped `content/errors`), validated by the one record schema.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { recordsDir } from './node/records.ts';
import { RecordSchema } from './lib/record/schema.ts';

const errors = defineCollection({
  loader: glob({
    pattern: '*/*.json',
    base: recordsDir(),
    // The id is the path: `grpc/grpc-connection-reset-by-peer`. Slugging it would break public URLs.
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: RecordSchema,
});

export const collections = { errors };
