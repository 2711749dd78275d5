/** Routes kafkajs's own log lines into the service's pino logger instead of the console. */
import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '@tg-risk/core';

/** A kafkajs logCreator that forwards to pino, namespaced. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const fields = { kafka: namespace, ...extra };
      // kafkajs logs every error response of a request at ERROR from its Connection, including
      // the retriable ones it then retries (coordinator loading, leader moving). What it finally
      // cannot do reaches our code as a thrown error and is logged there; these are warnings.
      if (level === logLevel.ERROR && namespace !== 'Connection') logger.error(fields, message);
      else if (level === logLevel.ERROR) logger.warn(fields, message);
      else if (level === logLevel.WARN) logger.warn(fields, message);
      else if (level === logLevel.INFO) logger.debug(fields, message);
      else logger.trace(fields, message);
    };
}
