/**
 * Puts transformers.js in offline mode. Its `env` is process-wide (the library's own singleton), so
 * this affects every user of the library in the process; tg-risk never loads models from a hub.
 */
import { env } from '@huggingface/transformers';
import { UsageError } from '@tg-risk/core';

/**
 * Local files only, no caches, and a fetch that refuses. `allowRemoteModels = false` alone is not
 * enough in 4.3.2: some lookups (tokenizer file discovery) drop `local_files_only`, and the
 * file-system cache is consulted before the local path, so a stale cache could shadow the directory.
 */
export function useOfflineTransformersEnv(): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFS = true;
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.useCustomCache = false;
  env.fetch = refuseNetwork;
}

async function refuseNetwork(input: string | URL): Promise<never> {
  throw new UsageError(
    `transformers.js tried to download ${String(input)}; tg-risk loads models only from local directories ` +
      '(put the file in the model directory)',
  );
}
