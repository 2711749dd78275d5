/** Reliability tables and ECE live with the trainer (it reports them for calibration); re-exported here for reports. */
export { calibration, type Calibration, type ReliabilityBin } from '@tg-risk/models';
