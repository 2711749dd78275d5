import { describe, expect, it } from 'vitest';
import { can, capabilitiesOf } from './access-policy.ts';
import { createLoginThrottle } from './login-throttle.ts';

describe('access policy', () => {
  it('gives each role its capabilities and combines roles', () => {
    expect([...capabilitiesOf({ roles: ['analyst'] })].sort()).toEqual([
      'audit_log',
      'decide',
      'decide_sample',
      'read',
    ]);
    expect(can({ roles: ['analyst'] }, 'export')).toBe(false);
    expect(can({ roles: ['analyst'] }, 'users')).toBe(false);
    expect(can({ roles: ['auditor'] }, 'export')).toBe(true);
    expect(can({ roles: ['auditor'] }, 'decide')).toBe(false);
    expect([...capabilitiesOf({ roles: ['admin'] })]).toEqual(['users']);
    expect(can({ roles: ['admin', 'analyst'] }, 'decide')).toBe(true);
    expect(can({ roles: [] }, 'read')).toBe(false);
  });
});

describe('login throttle', () => {
  it('refuses a username after too many failures until the window passes', () => {
    const throttle = createLoginThrottle(3, 1000);
    for (let t = 0; t < 3; t++) throttle.failed('Ana', t);
    expect(throttle.retryAfter('ana', 10)).toBe(990);
    expect(throttle.retryAfter('bob', 10)).toBe(0);
    expect(throttle.retryAfter('ana', 1001)).toBe(0);
    throttle.failed('ana', 2000);
    throttle.succeeded('ANA');
    expect(throttle.retryAfter('ana', 2001)).toBe(0);
  });
});
