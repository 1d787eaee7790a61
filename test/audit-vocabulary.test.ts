import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AuditWords, composeAuditWords, sharedAuditWords } from '../src/contracts/audit-vocabulary.ts';
import { modules } from '../src/modules/index.ts';

/** Every non-test TypeScript file under src/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The module a file of src/ belongs to (src/modules/<name>/…), or null for the platform and contracts. */
function moduleOf(file: string): string | null {
  const parts = relative('src', file).split(sep);
  return parts[0] === 'modules' && parts.length > 2 ? (parts[1] as string) : null;
}

/**
 * The words a file may record with: the shared ones and its own module's manifest's `auditWords` (a file outside
 * src/modules: every installed module's). A module never leans on another's words, so it can be left out alone.
 */
function wordsFor(file: string) {
  const name = moduleOf(file);
  return composeAuditWords(
    modules.filter((m) => name === null || m.name === name).flatMap((m) => m.auditWords ?? []),
  );
}

const installed = composeAuditWords(modules.flatMap((m) => m.auditWords ?? []));

/**
 * The action codes written anywhere in src/: `action: '…'`, a template `action: \`training.class.${…}\`` (its
 * fixed part), orgs' `audited(ctx, tx, '…')` and `changeOrg(…, '…')`, and codes written by SQL (`INSERT INTO audit_log … SELECT …, '…'`).
 * `recordAudit` takes any string, so this grep is the safety net: a code without words fails here.
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
    // orgs: `audited(ctx, tx, '…')`, and its dated changes `changeOrg(ctx, id, input.version, '…', …)`.
    for (const m of text.matchAll(/(?:audited\(ctx, tx|changeOrg\(ctx, id, input\.version), '([a-z_.]+)'/g))
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
    const { actions } = wordsFor(file);
    const listed = isPrefix ? actions.filter((a) => a.startsWith(code)) : actions.filter((a) => a === code);
    expect(
      listed.length,
      `${code} in ${file} has no words: add it to its module's contracts/<module>/audit-words.ts`,
    ).toBeGreaterThan(0);
  });

  it.each(installed.actions)('action %s reads as words in both languages', (action) => {
    for (const lang of ['vi', 'en'] as const) {
      const label = installed.actionLabel(lang, action);
      expect(label).toMatch(/\S/);
      expect(label, `${action} has no ${lang} label`).not.toBe(action);
    }
  });

  it.each(installed.entityTypes)('entity type %s reads as words in both languages', (type) => {
    expect(installed.entityLabel('vi', type)).not.toBe(type);
    expect(installed.entityLabel('en', type)).not.toBe(type);
  });

  it('every entity type written in src/ has words in its module (or the shared ones)', () => {
    const written: { type: string; file: string }[] = [];
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      if (!/recordAudit|audited\(|audit_log/.test(text)) continue;
      for (const m of text.matchAll(/\bentityType: '([a-z_]+)'/g))
        written.push({ type: m[1] as string, file });
      for (const m of text.matchAll(/INSERT INTO audit_log[\s\S]*?SELECT[^;]*?'([a-z_.]+)', '([a-z_]+)'/g))
        written.push({ type: m[2] as string, file });
    }
    expect(new Set(written.map((w) => w.type)).size).toBeGreaterThan(10);
    for (const { type, file } of written)
      expect(wordsFor(file).entityTypes, `${type} in ${file}`).toContain(type);
  });
});

/** The `module` of each word set a web feature's `index.tsx` lists in `auditWords: [...]`, read from its imports. */
async function webAuditWords(feature: string): Promise<string[]> {
  const file = join('web/src/features', feature, 'index.tsx');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const listed = text.match(/\bauditWords: \[([^\]]*)\]/)?.[1];
  if (!listed) return [];
  const names: string[] = [];
  for (const id of listed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const from = text.match(
      new RegExp(`import \\{[^}]*\\b${id}\\b[^}]*\\} from '@contracts/([^']+)\\.ts'`),
    )?.[1];
    expect(from, `${feature}: ${id} is imported from @contracts`).toBeDefined();
    const path = resolve('src/contracts', `${from}.ts`);
    const mod = (await import(/* @vite-ignore */ path)) as Record<string, AuditWords>;
    names.push((mod[id] as AuditWords).module);
  }
  return names;
}

/**
 * The web composes its words from its features (web/src/app/features.ts), the server from the manifests. Importing
 * the features here would load React and Ant Design in node, so each feature's `index.tsx` is read as text: the
 * identifiers in its `auditWords: [...]` and the `@contracts/…` files they come from, whose word sets name their
 * module. Each module's manifest and its web feature must list the same sets.
 */
describe('the page and the export compose the same words', () => {
  it.each(modules.filter((m) => m.auditWords?.length).map((m) => [m.name, m] as const))(
    '%s: its manifest and its web feature list the same word sets, its own and not empty',
    async (name, m) => {
      const sets = m.auditWords ?? [];
      for (const set of sets) {
        expect(set.module, 'a module lists its own words').toBe(name);
        expect(
          Object.keys(set.actions).length + Object.keys(set.entities).length + Object.keys(set.fields).length,
        ).toBeGreaterThan(0);
      }
      expect(await webAuditWords(name)).toEqual(sets.map((s) => s.module));
    },
  );

  it('no web feature lists words its server module does not', async () => {
    for (const feature of readdirSync('web/src/features')) {
      const server = modules.find((m) => m.name === feature)?.auditWords ?? [];
      expect(await webAuditWords(feature), feature).toEqual(server.map((s) => s.module));
    }
  });

  it("the shared words are not a module's, and the installed sets word no code two ways", () => {
    expect(modules.flatMap((m) => m.auditWords ?? [])).not.toContain(sharedAuditWords);
    expect(installed.actionLabel('vi', 'training.roster.import')).toBe('Nhập danh sách học viên');
    expect(installed.formatValue('vi', 1234.5)).toBe('1.234,5');
    expect(installed.formatValue('en', 1234.5)).toBe('1,234.5');
  });
});
