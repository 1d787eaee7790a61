import { type BuiltOrg, TEST_PASSWORD } from '../test/helpers/factories.ts';
import { burst, type Rush, type Timing, timed, timing } from './blood.ts';

/**
 * The same measurements through the HTTP API, on two app instances over one database: a donor's eligibility
 * and history, the call-out (POST /api/blood/callouts: its search, then the call-out and its replies written),
 * the live funnel, and the booking rush sent alternately to the two instances (staff booking route).
 */

type Headers = Record<string, string>;

async function login(base: string, username: string): Promise<Headers> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('ct_session='))!
    .split(';')[0]!;
  return { cookie, 'x-csrf-token': csrfToken };
}

/** One request; throws on anything but `ok` (an error page is fast: never time one). */
async function call(url: string, h: Headers, body?: unknown, ok = [200, 201]): Promise<number> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? h : { ...h, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!ok.includes(res.status))
    throw new Error(`${new URL(url).pathname}: ${res.status} ${text.slice(0, 300)}`);
  return res.status;
}

export async function apiPart(o: {
  user: { username: string };
  bases: [string, string];
  n: number;
  root: BuiltOrg;
  donors: { donorId: number }[];
  province: string;
  tomorrow: string;
  funnelDrive: number;
  rushDrive: { id: number; slotIds: number[] };
  people: { personId: number }[];
}): Promise<{
  eligibility: Timing;
  history: Timing;
  callout: Timing;
  funnel: Timing;
  rush: Omit<Rush, 'overbooked'>;
}> {
  const [baseA, baseB] = o.bases;
  const hA = await login(baseA, o.user.username);
  const hB = await login(baseB, o.user.username);
  const donor = (i: number) => o.donors[i + 1]!.donorId;
  const eligibility = timing(
    await timed(o.n, (i) => call(`${baseA}/api/blood/donors/${donor(i)}/eligibility`, hA)),
  );
  const history = timing(
    await timed(o.n, (i) => call(`${baseA}/api/blood/donors/${donor(i)}/donations`, hA)),
  );
  const callout = timing(
    await timed(o.n, () =>
      call(`${baseA}/api/blood/callouts`, hA, {
        requesterOrgId: o.root.id,
        abo: 'O',
        rh: 'neg',
        units: 2,
        place: 'Bệnh viện Bạch Mai',
        provinceCode: o.province,
        neededBy: `${o.tomorrow}T03:00:00Z`,
      }),
    ),
  );
  const funnel = timing(
    await timed(o.n, () => call(`${baseA}/api/blood/drives/${o.funnelDrive}/funnel`, hA)),
  );
  const { slotIds } = o.rushDrive;
  const rush = await burst(o.people.length, (i) =>
    call(
      `${i % 2 ? baseB : baseA}/api/blood/drives/${o.rushDrive.id}/bookings`,
      i % 2 ? hB : hA,
      { personId: o.people[i]!.personId, slotId: slotIds[i % slotIds.length]! },
      [201, 409],
    ),
  );
  return { eligibility, history, callout, funnel, rush };
}
