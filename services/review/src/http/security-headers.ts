/**
 * Response headers that keep hostile message text inert in the browser. The Content-Security-Policy
 * allows scripts, styles and fetches from this origin only (no inline script or style, no eval),
 * forbids framing, plugins, <base> and form posts elsewhere, and requires Trusted Types, so even a
 * stray `innerHTML = text` in the UI would throw instead of parsing markup.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** onSend hook: the headers on every response. */
export async function securityHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  // API answers carry message content and reviewer data: never cached anywhere.
  if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  return payload;
}
