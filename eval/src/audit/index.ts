/** Run manifests and `tgrisk audit verify`: what a run read and wrote, and whether it reproduces. */
export { verifyManifest, type VerifyResult, type FileChange } from './verify.ts';
export { writeRunOutputs, buildManifest, defaultOutDir, REPORT_FILES } from './manifest.ts';
export { diffJson, showValue, type JsonChange } from './json-diff.ts';
export { sha256, hashFile, canonicalJson } from './sha256.ts';
