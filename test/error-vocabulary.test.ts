import { describe, expect, it } from 'vitest';
import { fieldIssueCatalogues } from '../src/contracts/issues.ts';
import { modules } from '../src/modules/index.ts';
import { platformErrors } from '../src/platform/errors.ts';
import { enErrors } from '../web/src/app/i18n/en-errors.ts';
import { enFieldIssues } from '../web/src/app/i18n/en-field-issues.ts';
import { viErrors } from '../web/src/app/i18n/vi-errors.ts';
import { viFieldIssues } from '../web/src/app/i18n/vi-field-issues.ts';

/** `a.b.c` in a nested dictionary, as i18next reads it. */
function textAt(dictionary: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], dictionary);
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Every error code: the platform's own (the error handler's, the sign-in guard's) and each module's manifest's. */
const errorCodes = [platformErrors.catalogue, ...modules.flatMap((m) => m.errors ?? [])].flatMap((c) =>
  c.codes.map((e) => e.code),
);

const fieldIssues = fieldIssueCatalogues.flatMap((c) =>
  Object.entries(c.texts).map(([key, text]) => ({ code: `${c.namespace}.${key}`, text })),
);

describe('one error vocabulary: every code has a Vietnamese and an English text on the web', () => {
  it.each(errorCodes)('errors.%s', (code) => {
    expect(textAt(viErrors, code), `vi-errors.ts lacks ${code}`).toEqual(expect.stringMatching(/\S/));
    expect(textAt(enErrors, code), `en-errors.ts lacks ${code}`).toEqual(expect.stringMatching(/\S/));
  });

  it('lists the platform codes and the field issues', () => {
    expect(errorCodes).toEqual(
      expect.arrayContaining(['validation_failed', 'internal', 'route.not_found', 'request.too_large']),
    );
    expect(fieldIssues.length).toBeGreaterThan(30);
    expect(new Set(fieldIssues.map((i) => i.code)).size).toBe(fieldIssues.length);
  });

  it.each(fieldIssues)('fieldIssues.$code', ({ code, text }) => {
    expect(text).toMatch(/\S/);
    expect(textAt(viFieldIssues, code), 'the web says what the contract says').toBe(text);
    const english = textAt(enFieldIssues, code);
    expect(english, `en-field-issues.ts lacks ${code}`).toEqual(expect.stringMatching(/\S/));
    expect(placeholders(english as string), 'the same {{parameters}}').toEqual(placeholders(text));
  });

  it('the web has no field-issue text for a code the contracts no longer define', () => {
    const leaves = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`),
      );
    const codes = fieldIssues.map((i) => i.code).sort();
    expect(leaves(viFieldIssues).sort()).toEqual(codes);
    expect(leaves(enFieldIssues).sort()).toEqual(codes);
  });
});
