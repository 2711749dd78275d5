/**
 * Who is calling: the session cookie (browsers) or an `Authorization: Bearer` token (scripts), looked
 * up by its SHA-256. Runs before the body is read, so an anonymous caller gets 401 whatever it sent,
 * and a signed-in caller without the route's capability gets 403. State-changing requests from a
 * browser must come from this origin (the Origin header, on top of the SameSite=Strict cookie and
 * the JSON-only body parser).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Reviewer, ReviewStore } from '@tg-risk/core';
import { can } from '../auth/access-policy.ts';
import { looksLikeToken, SESSION_COOKIE, tokenHash } from '../auth/session-tokens.ts';
import { sendError } from './http-errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    reviewer: Reviewer | null;
    sessionToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function presentedToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim();
  return request.cookies[SESSION_COOKIE] ?? null;
}

function crossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    const from = new URL(origin);
    // Through URL on both sides, so a default port (":80") compares equal to none.
    return from.host !== new URL(`${from.protocol}//${request.headers.host ?? ''}`).host;
  } catch {
    return true;
  }
}

/** onRequest hook: authenticates and authorises the request against its route's access. */
export function authenticate(store: ReviewStore, now: () => Date) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.reviewer = null;
    request.sessionToken = null;
    const access = request.routeOptions.config?.access;
    const isApi = request.url.startsWith('/api/');
    if (UNSAFE.has(request.method) && crossOrigin(request)) {
      return sendError(
        reply,
        403,
        'CROSS_ORIGIN',
        'state-changing requests must come from the review UI origin',
      );
    }
    const token = presentedToken(request);
    if (token !== null && looksLikeToken(token)) {
      request.reviewer = await store.findSession(tokenHash(token), now().toISOString());
      if (request.reviewer) request.sessionToken = token;
    }
    if (access === 'public' || (access === undefined && !isApi)) return;
    if (!request.reviewer) {
      return sendError(
        reply,
        401,
        'UNAUTHENTICATED',
        'sign in first (POST /api/session), or send a bearer token',
      );
    }
    if (access !== undefined && access !== 'signed_in' && !can(request.reviewer, access)) {
      return sendError(
        reply,
        403,
        'FORBIDDEN',
        `your role (${request.reviewer.roles.join(', ')}) does not allow this (${access}); ask an admin`,
      );
    }
  };
}
