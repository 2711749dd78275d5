export {
  buildClassifierWorker,
  type ClassifierWorker,
  type ClassifierWorkerConfig,
  type ClassifierWorkerDeps,
} from './app.ts';
export { decodeMessage } from './decode-message.ts';
