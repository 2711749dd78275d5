/** Reviewer accounts (admin only): list, create, change roles or password, disable. */
import type { FastifyInstance } from 'fastify';
import type { ReviewUserUpdateV1, ReviewUserV1 } from '@tg-risk/schemas';
import { hashPassword } from '../auth/passwords.ts';
import { HttpError } from '../http/http-errors.ts';
import { addRoute } from '../http/route-spec.ts';
import { presentReviewer } from './presenters.ts';
import type { ReviewContext } from './review-context.ts';

export function userRoutes(app: FastifyInstance, ctx: ReviewContext): void {
  addRoute(app, {
    method: 'GET',
    url: '/api/users',
    summary: 'All reviewers with their roles',
    tag: 'users',
    access: 'users',
    responses: { 200: { description: '{ items }.' } },
    handler: async () => ({ items: (await ctx.store.listReviewers()).map(presentReviewer) }),
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/users',
    summary: 'Create a reviewer',
    tag: 'users',
    access: 'users',
    body: 'review-user.v1',
    responses: { 201: { description: 'The new reviewer.' }, 409: { description: 'The username is taken.' } },
    handler: async (request, reply) => {
      const body = request.body as ReviewUserV1;
      const reviewer = await ctx.store.createReviewer({
        username: body.username,
        roles: body.roles,
        passwordHash: await hashPassword(body.password, ctx.config.scryptCost),
        createdAt: ctx.now().toISOString(),
      });
      ctx.logger.info(
        { username: reviewer.username, roles: reviewer.roles, by: request.reviewer!.username },
        'reviewer created',
      );
      return reply.code(201).send({ reviewer: presentReviewer(reviewer) });
    },
  });

  addRoute(app, {
    method: 'PATCH',
    url: '/api/users/:username',
    summary: "Change a reviewer's roles or password, or disable them (ends their sessions)",
    tag: 'users',
    access: 'users',
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['username'],
      properties: { username: { type: 'string', minLength: 1, maxLength: 64 } },
    },
    body: 'review-user-update.v1',
    responses: { 200: { description: 'The reviewer.' }, 404: { description: 'No such reviewer.' } },
    handler: async (request) => {
      const { username } = request.params as { username: string };
      const body = request.body as ReviewUserUpdateV1;
      if (
        username === request.reviewer!.username &&
        (body.disabled === true || (body.roles && !body.roles.includes('admin')))
      ) {
        throw new HttpError(
          409,
          'SELF_LOCKOUT',
          'you cannot disable yourself or drop your own admin role; ask another admin',
        );
      }
      const updated = await ctx.store.updateReviewer(username, {
        roles: body.roles,
        disabled: body.disabled,
        passwordHash:
          body.password === undefined ? undefined : await hashPassword(body.password, ctx.config.scryptCost),
      });
      if (!updated) throw new HttpError(404, 'NOT_FOUND', `no reviewer named "${username}"`);
      if (body.password !== undefined || body.disabled === true) await ctx.store.deleteSessionsOf(updated.id);
      ctx.logger.info(
        {
          username,
          roles: body.roles,
          disabled: body.disabled,
          passwordChanged: body.password !== undefined,
          by: request.reviewer!.username,
        },
        'reviewer updated',
      );
      return { reviewer: presentReviewer(updated) };
    },
  });
}
