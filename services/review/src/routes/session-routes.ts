/** Signing in and out, and the signed-in reviewer's own view and settings. */
import type { FastifyInstance } from 'fastify';
import type { ReviewLoginV1, ReviewSettingsV1 } from '@tg-risk/schemas';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { newSessionToken, SESSION_COOKIE, tokenHash } from '../auth/session-tokens.ts';
import { HttpError } from '../http/http-errors.ts';
import { addRoute } from '../http/route-spec.ts';
import { presentReviewer } from './presenters.ts';
import { reviewerOf, type ReviewContext } from './review-context.ts';

export function sessionRoutes(app: FastifyInstance, ctx: ReviewContext): void {
  // Compared against when the username is unknown, so a wrong name costs as long as a wrong password.
  const decoy = hashPassword('decoy password, never valid', ctx.config.scryptCost);

  addRoute(app, {
    method: 'POST',
    url: '/api/session',
    summary: 'Sign in with username and password; sets the session cookie',
    tag: 'session',
    access: 'public',
    body: 'review-login.v1',
    responses: {
      200: { description: 'Signed in: the reviewer, roles and capabilities.' },
      429: { description: 'Too many failed attempts for this username; wait.' },
    },
    handler: async (request, reply) => {
      const { username, password } = request.body as ReviewLoginV1;
      const now = ctx.now();
      const wait = ctx.throttle.retryAfter(username, now.getTime());
      if (wait > 0) {
        reply.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw new HttpError(
          429,
          'TOO_MANY_ATTEMPTS',
          'too many failed sign-ins for this username; try again later',
        );
      }
      const found = await ctx.store.findCredentials(username);
      const valid = found?.passwordHash
        ? await verifyPassword(password, found.passwordHash)
        : (await verifyPassword(password, await decoy), false);
      if (!found || !valid || found.reviewer.disabled) {
        ctx.throttle.failed(username, now.getTime());
        ctx.logger.warn({ username }, 'sign-in refused');
        throw new HttpError(401, 'BAD_CREDENTIALS', 'unknown username or wrong password');
      }
      ctx.throttle.succeeded(username);
      const token = newSessionToken();
      const expires = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
      await ctx.store.createSession({
        tokenHash: tokenHash(token),
        reviewerId: found.reviewer.id,
        createdAt: now.toISOString(),
        expiresAt: expires.toISOString(),
      });
      ctx.logger.info({ username }, 'signed in');
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.secureCookies,
        path: '/',
        expires,
      });
      return { reviewer: presentReviewer(found.reviewer), expires_at: expires.toISOString() };
    },
  });

  addRoute(app, {
    method: 'DELETE',
    url: '/api/session',
    summary: 'Sign out: ends this session',
    tag: 'session',
    access: 'signed_in',
    responses: { 204: { description: 'Signed out.' } },
    handler: async (request, reply) => {
      if (request.sessionToken) await ctx.store.deleteSession(tokenHash(request.sessionToken));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/me',
    summary: 'The signed-in reviewer: roles, capabilities and settings',
    tag: 'session',
    access: 'signed_in',
    responses: { 200: { description: 'The reviewer.' } },
    handler: async (request) => ({ reviewer: presentReviewer(reviewerOf(request)) }),
  });

  addRoute(app, {
    method: 'PUT',
    url: '/api/me/settings',
    summary: "Change the signed-in reviewer's own settings (blurring of terrorism-labelled text)",
    tag: 'session',
    access: 'signed_in',
    body: 'review-settings.v1',
    responses: { 200: { description: 'The reviewer with the new settings.' } },
    handler: async (request) => {
      const settings = request.body as ReviewSettingsV1;
      const updated = await ctx.store.updateReviewer(reviewerOf(request).username, {
        blurTerrorism: settings.blur_terrorism,
      });
      return { reviewer: presentReviewer(updated!) };
    },
  });
}
