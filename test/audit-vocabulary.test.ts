import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditActions,
  auditEntityLabel,
  auditEntityTypes,
} from '../src/contracts/audit-vocabulary.ts';

/** Every non-test TypeScript file under src/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The action codes written anywhere in src/: `action: '…'`, a template `action: \`training.class.${…}\`` (its
 * fixed part), orgs' `audited(ctx, tx, '…')`, and codes written by SQL (`INSERT INTO audit_log … SELECT …, '…'`).
 * `recordAudit` types its action, so tsc catches most; this also catches SQL and anything cast past the type.
 */
function recordedCodes(): { code: string; file: string; isPrefix: boolean }[] {
  const out: { code: string; file: string; isPrefix: boolean }[] = [];
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    if (!/recordAudit|audit_log|audited\(/.test(text)) continue;
    for (const m of text.matchAll(/\baction: '([a-z_.]+)'/g))
      out.push({ code: m[1] as string, file, isPrefix: false });
    for (const m of text.matchAll(/\baction: `([a-z_.]+)\$\{/g))
      out.push({ code: m[1] as string, file, isPrefix: true });
    for (const m of text.matchAll(/\baction: \w+ \? '([a-z_.]+)' : '([a-z_.]+)'/g))
      out.push(
        { code: m[1] as string, file, isPrefix: false },
        { code: m[2] as string, file, isPrefix: false },
      );
    for (const m of text.matchAll(/audited\(ctx, tx, '([a-z_.]+)'/g))
      out.push({ code: m[1] as string, file, isPrefix: false });
    for (const m of text.matchAll(/INSERT INTO audit_log[\s\S]*?SELECT[^;]*?'([a-z_.]+)', '([a-z_]+)'/g))
      out.push({ code: m[1] as string, file, isPrefix: false });
  }
  return out;
}

describe('the audit log speaks words: every recorded action has a Vietnamese and an English label', () => {
  const codes = recordedCodes();

  it('finds the codes the modules record (the grep still works)', () => {
    const found = new Set(codes.map((c) => c.code));
    for (const c of [
      'update',
      'login',
      'locked',
      'training.roster.import',
      'certificate.issue',
      'move',
      'create',
    ])
      expect(found, c).toContain(c);
    expect(codes.filter((c) => c.isPrefix).map((c) => c.code)).toEqual(
      expect.arrayContaining(['training.class.', 'training.request.']),
    );
  });

  it.each(codes.map((c) => [c.code, c.file, c.isPrefix] as const))('%s (%s)', (code, file, isPrefix) => {
    const listed = isPrefix
      ? auditActions.filter((a) => a.startsWith(code))
      : auditActions.filter((a) => a === code);
    expect(listed.length, `${code} in ${file} is not in contracts/audit-vocabulary.ts`).toBeGreaterThan(0);
  });

  it.each(auditActions)('action %s reads as words in both languages', (action) => {
    for (const lang of ['vi', 'en'] as const) {
      const label = auditActionLabel(lang, action);
      expect(label).toMatch(/\S/);
      expect(label, `${action} has no ${lang} label`).not.toBe(action);
    }
  });

  it.each(auditEntityTypes)('entity type %s reads as words in both languages', (type) => {
    expect(auditEntityLabel('vi', type)).not.toBe(type);
    expect(auditEntityLabel('en', type)).not.toBe(type);
  });

  it('every entity type written in src/ is listed', () => {
    const written = new Set<string>();
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      if (!/recordAudit|audited\(/.test(text)) continue;
      for (const m of text.matchAll(/\bentityType: '([a-z_]+)'/g)) written.add(m[1] as string);
    }
    expect(written.size).toBeGreaterThan(10);
    for (const type of written) expect(auditEntityTypes, type).toContain(type);
  });
});
