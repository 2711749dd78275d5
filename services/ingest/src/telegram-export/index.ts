/** Telegram Desktop JSON export → message.v1: the public API of the export importer. */
export { flattenTelegramText, mapEntityType, type Entity, type FlatText } from './flatten-text.ts';
export { exportMessageToMessageV1, type ExportChat, type ExportWhere } from './normalise-export-message.ts';
export { readTelegramExport, type ReadExportOptions, type TelegramExportReader } from './read-export.ts';
export type { ChatSummary, ExportEvent, ExportSummary } from './export-events.ts';
export type { ChatSection } from './export-walker.ts';
export type { MessageLocation } from './export-errors.ts';
export { importTelegramExport, type ImportExportOptions } from './import-export.ts';
