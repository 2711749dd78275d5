/** What every route module receives from the app's single wiring place. */
import type { Logger, Reviewer, ReviewStore } from '@tg-risk/core';
import type { FastifyRequest } from 'fastify';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { ReviewConfig } from '../config.ts';
import { HttpError } from '../http/http-errors.ts';
import type { QueueProjector } from '../projection/queue-projector.ts';

export interface ReviewContext {
  store: ReviewStore;
  logger: Logger;
  config: ReviewConfig;
  now: () => Date;
  throttle: LoginThrottle;
  projector: QueueProjector;
}

/** The signed-in reviewer (the access hook guarantees one on non-public routes). */
export function reviewerOf(request: FastifyRequest): Reviewer {
  if (!request.reviewer) throw new HttpError(401, 'UNAUTHENTICATED', 'sign in first');
  return request.reviewer;
}
