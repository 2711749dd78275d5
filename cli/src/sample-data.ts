import { fileURLToPath } from 'node:url';

/** The bundled demo export `tgrisk run` uses when given no file (see samples/README.md). */
export const SAMPLE_EXPORT = fileURLToPath(
  new URL('../../samples/telegram-export/result.json', import.meta.url),
);
