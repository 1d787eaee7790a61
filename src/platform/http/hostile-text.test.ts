import { describe, expect, it } from 'vitest';
import { nulIssues } from './hostile-text.ts';

describe('NUL characters are found wherever they hide', () => {
  it('names each path: nested values, array items, object keys, query and params', () => {
    const issues = nulIssues({
      params: { code: 'a\u0000' },
      querystring: { q: 'x\u0000y', page: '1' },
      body: { people: [{ fullName: 'ok' }, { fullName: 'A\u0000B' }], 'k\u0000': 1, note: 'fine' },
    });
    expect(issues.map((i) => i.path)).toEqual([
      'params.code',
      'querystring.q',
      'body.people.1.fullName',
      'body.k\\u0000',
    ]);
    expect(issues[0]).toMatchObject({ message: 'common.text_nul' });
    expect(nulIssues({ body: { a: ['b', { c: 'd' }], n: 1, z: null } })).toEqual([]);
  });
});
