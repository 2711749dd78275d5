/**
 * Who may do what. Roles combine (a reviewer may hold several):
 *   analyst: read queues and items, decide queue items and audit-sample items, read the audit log;
 *   auditor: read, read the audit log, draw audit samples and decide their items (blind), export;
 *   admin:   manage reviewers (nothing else: an admin who reviews also holds analyst).
 */
import type { Reviewer, ReviewRole } from '@tg-risk/core';

export type Capability = 'read' | 'decide' | 'decide_sample' | 'audit_log' | 'sample' | 'export' | 'users';

export const ROLE_CAPABILITIES: Readonly<Record<ReviewRole, readonly Capability[]>> = {
  analyst: ['read', 'decide', 'decide_sample', 'audit_log'],
  auditor: ['read', 'audit_log', 'sample', 'decide_sample', 'export'],
  admin: ['users'],
};

export function capabilitiesOf(reviewer: Pick<Reviewer, 'roles'>): Set<Capability> {
  return new Set(reviewer.roles.flatMap((role) => ROLE_CAPABILITIES[role] ?? []));
}

export function can(reviewer: Pick<Reviewer, 'roles'>, capability: Capability): boolean {
  return capabilitiesOf(reviewer).has(capability);
}
