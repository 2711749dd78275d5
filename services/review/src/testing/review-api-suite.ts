/** The review API suite: run it on each store with the stores it should build apps over. */
import { describeAccessAndHostileInput } from './api-suite-access.ts';
import type { OpenStores } from './api-harness.ts';
import { describeReviewFlows } from './api-suite-review.ts';

export function describeReviewApi(name: string, open: OpenStores): void {
  describeReviewFlows(name, open);
  describeAccessAndHostileInput(name, open);
}
