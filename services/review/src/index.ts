export { buildReviewApp, type ReviewApp, type ReviewDeps } from './app.ts';
export { reviewConfig, readBands, loadReviewConfig, type ReviewConfig } from './config.ts';
export { hashPassword, verifyPassword, DEFAULT_SCRYPT_COST, type ScryptCost } from './auth/passwords.ts';
export { createQueueProjector, type QueueProjector } from './projection/queue-projector.ts';
export { openReviewStore, storeChoiceFromEnv, type StoreChoice } from './open-store.ts';
export {
  evalExampleLines,
  channelGoldLines,
  strataDesign,
  IncompleteSampleError,
} from './export/gold-exports.ts';
