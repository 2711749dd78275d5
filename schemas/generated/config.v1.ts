/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */

/**
 * Pipeline configuration, read once from the environment at start-up, defaults applied, then frozen.
 */
export interface ConfigV1 {
  /**
   * Kafka connection; null selects the embedded in-process bus (env KAFKA_BROKERS unset).
   */
  kafka: null | Kafka;
  topics: {
    /**
     * Raw message.v1 topic. Default tgrisk.messages.v1 (env TGRISK_TOPIC_PREFIX changes the prefix).
     */
    messages: string;
    /**
     * label.v1 topic. Default tgrisk.labels.v1.
     */
    labels: string;
    /**
     * dead-letter.v1 topic. Default tgrisk.dead-letter.v1.
     */
    deadLetters: string;
    /**
     * Partitions per topic when the pipeline creates them. Default 4 (env TGRISK_PARTITIONS).
     */
    partitions: number;
  };
  store: {
    /**
     * SQLite file of the label store. Default .data/tgrisk.db (env TGRISK_DB).
     */
    sqlitePath: string;
  };
  worker: {
    /**
     * Consumer group of the classifier workers. Default tgrisk-classifier (env TGRISK_GROUP_ID).
     */
    groupId: string;
    /**
     * Most messages classified in one model call. Default 256 (env TGRISK_BATCH_SIZE).
     */
    batchSize: number;
  };
  /**
   * Log level. Default info (env LOG_LEVEL).
   */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}
/**
 * This interface was referenced by `ConfigV1`'s JSON-Schema
 * via the `definition` "kafka".
 */
export interface Kafka {
  /**
   * host:port list from env KAFKA_BROKERS (comma-separated).
   *
   * @minItems 1
   */
  brokers: [string, ...string[]];
  /**
   * Kafka client id. Default tgrisk (env KAFKA_CLIENT_ID).
   */
  clientId: string;
}
