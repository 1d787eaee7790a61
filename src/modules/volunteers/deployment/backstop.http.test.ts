import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { countRows, createTestApp, loginAs, type TestApp } from '../../../../test/helpers/test-app.ts';
import { buildMinistry, buildVolunteers, buildWave, proposeMembers } from './deployment.fixtures.ts';

// The checks a request runs before writing are switched off here, so only the database's exclusion constraint
// stands between two overlapping assignments: its violation must be the same 409 conflict, never a 500.
vi.mock('../waves/overlap.repo.ts', () => ({
  lockDeployments: async () => {},
  overlappingAssignments: async () => [],
}));

describe('deployment: the exclusion constraint as the last line', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('2021-05-27T02:00:00Z');
  });

  it('answers 409 deployment.overlap when volunteer_assignments_no_overlap refuses the insert', async () => {
    const f = await buildMinistry(t.db);
    const [v] = await buildVolunteers(t.db, f.schoolA, ['Ngô Bảo Châu']);
    const one = await buildWave(t.db, f.ministry);
    const two = await buildWave(t.db, f.ministry, { title: 'Đợt chồng' });
    const [m1] = await proposeMembers(t.db, one.id, [v!]);
    const [m2] = await proposeMembers(t.db, two.id, [v!]);
    const officer = await loginAs(t, f.ministry, 'mobilisation_officer');
    const first = await officer.post(`/api/waves/${one.id}/assignments`, {
      items: [{ memberId: m1, destinationId: one.destinations[0]!.id }],
    });
    expect(first.statusCode).toBe(200);
    const second = await officer.post(`/api/waves/${two.id}/assignments`, {
      items: [{ memberId: m2, destinationId: two.destinations[0]!.id }],
    });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().error.code).toBe('deployment.overlap');
    expect(await countRows(t.db, 'volunteer_assignments', sql`wave_id = ${two.id}`)).toBe(0);
  });
});
