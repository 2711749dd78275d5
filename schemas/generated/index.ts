/* Generated from schemas/json by `npm run schemas:generate`. Do not edit. */
export * from './classify-error.v1.ts';
export * from './classify-input.v1.ts';
export * from './config.v1.ts';
export * from './dead-letter.v1.ts';
export * from './eval-example.v1.ts';
export * from './label.v1.ts';
export * from './message.v1.ts';
