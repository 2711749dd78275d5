export {
  buildExportIngest,
  type ExportIngest,
  type ExportIngestConfig,
  type ExportIngestDeps,
} from './app.ts';
export * from './telegram-export/index.ts';
export * from './telegram-live/index.ts';
