import { describe, expect, it } from 'vitest';
import { type Actor, hasPermission, isWithin, minimalCover, pathInScope, scopeOf } from './scope.ts';

const actor = (grants: { path: string; perms: string[] }[], isSystemAdmin = false): Actor => ({
  userId: 1,
  username: 'u',
  fullName: 'U',
  email: null,
  locale: 'vi',
  via: 'session',
  isSystemAdmin,
  grants: grants.map((g, i) => ({
    id: i,
    orgId: i,
    orgPath: g.path,
    orgName: 'x',
    role: 'r',
    roleNameVi: 'r',
    roleNameEn: 'r',
    permissions: g.perms as never,
  })),
});

describe('scope', () => {
  it('compares paths label by label, not as string prefixes', () => {
    expect(isWithin('1.12.5', '1.12')).toBe(true);
    expect(isWithin('1.12', '1.12')).toBe(true);
    expect(isWithin('1.123', '1.12')).toBe(false);
    expect(isWithin('1', '1.12')).toBe(false);
  });

  it('keeps only the outermost of nested grants', () => {
    expect(minimalCover(['1.2.3', '1.2', '4', '1.2', '4.5.6'])).toEqual(['4', '1.2']);
  });

  it('gives read scope from any grant but write scope only from roles that carry it', () => {
    const a = actor([
      { path: '1.2', perms: ['org.read', 'org.write'] },
      { path: '1.3', perms: ['org.read'] },
    ]);
    expect(scopeOf(a)).toEqual({ all: false, paths: ['1.2', '1.3'] });
    expect(scopeOf(a, 'org.write')).toEqual({ all: false, paths: ['1.2'] });
    expect(pathInScope(scopeOf(a), '1.3.9')).toBe(true);
    expect(pathInScope(scopeOf(a, 'org.write'), '1.3.9')).toBe(false);
    expect(hasPermission(a, 'org.write', '1.2.7')).toBe(true);
    expect(hasPermission(a, 'org.write', '1.3')).toBe(false);
  });

  it('gives a system administrator everything', () => {
    const a = actor([{ path: '9', perms: ['system.admin'] }], true);
    expect(scopeOf(a, 'org.write')).toEqual({ all: true });
    expect(hasPermission(a, 'user.manage', '1.2.3')).toBe(true);
  });

  it('gives a user without grants nothing', () => {
    expect(pathInScope(scopeOf(actor([])), '1')).toBe(false);
  });
});
