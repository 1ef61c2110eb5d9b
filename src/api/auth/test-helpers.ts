import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, COLLECTION_HEADER, type ApiRoute } from './guard.js';
import {
  createMultiUserFixture,
  RED_PERSON,
  RED_QUOTE,
  RED_WORD,
  type MultiUserFixture,
  type ServerHome,
} from './test-fixtures.js';

/** A concrete URL for a route pattern: each `:param` becomes a plausible value. */
const concrete = (url: string) =>
  url
    .replace(/:id\b/g, 'a1b2c3d4e5f6')
    .replace(/:type\b/g, 'person')
    .replace(/:slug\b/g, 'case-a')
    .replace(/:username\b/g, 'rita')
    .replace(/:[A-Za-z]+/g, 'x')
    .replace(/\*/g, 'x');

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * The security properties of a multi-user server, run against a real server home (SQLite
 * folder or PostgreSQL database) filled through the real pipeline.
 */
export function multiUserSecuritySuite(openHome: () => Promise<ServerHome>): void {
  let fixture: MultiUserFixture;
  let app: FastifyInstance;
  let routes: readonly ApiRoute[];

  beforeAll(async () => {
    fixture = await createMultiUserFixture(await openHome());
    app = await fixture.build({ max: 100_000, timeWindow: 60_000 });
    await app.ready();
    routes = apiRoutes(app).filter((route) => route.guarded);
  }, 120_000);
  afterAll(async () => {
    await fixture?.cleanup();
  });

  const as = (user: string | null, collection: string | null, options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        ...(user && { authorization: `Bearer ${fixture.tokens[user]}` }),
        ...(collection && { [COLLECTION_HEADER]: collection }),
        ...options.headers,
      },
    });
  const get = (user: string, url: string, collection = 'case-a') =>
    as(user, collection, { method: 'GET', url });

  const request = (route: ApiRoute): InjectOptions => ({
    method: route.method as InjectOptions['method'],
    url: concrete(route.url),
    ...(!isRead(route.method) &&
      route.url !== '/api/ingest/files' && {
        payload: {},
        headers: { 'content-type': 'application/json' },
      }),
    ...(route.url === '/api/ingest/files' && {
      url: '/api/ingest/files?name=x.txt',
      payload: 'hello',
      headers: { 'content-type': 'application/octet-stream' },
    }),
  });

  describe('the route table', () => {
    it('holds every case-data route behind the guard', () => {
      const urls = routes.map((r) => `${r.method} ${r.url}`);
      for (const expected of [
        'GET /api/search',
        'GET /api/export',
        'GET /api/graph',
        'GET /api/stats',
        'POST /api/hypotheses',
        'PUT /api/ingest/files',
        'GET /api/audit',
        'GET /api/me',
      ]) {
        expect(urls).toContain(expected);
      }
      expect(
        apiRoutes(app)
          .filter((r) => !r.guarded)
          .every((r) => r.url.startsWith('/api/docs') || r.url === '/api/openapi.json'),
      ).toBe(true);
    });
  });

  describe('without a valid token', () => {
    it('answers 401 on every guarded route', async () => {
      for (const route of routes) {
        const response = await app.inject(request(route));
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
        if (route.method !== 'HEAD') {
          expect(response.json().error.code, `${route.method} ${route.url}`).toBe('UNAUTHORIZED');
        }
      }
    });

    it('answers 401 to a forged, malformed or revoked token, and logs the failed login', async () => {
      const forged = fixture.tokens.ana!.slice(0, -3) + 'zzz';
      const { token, secret } = await fixture.accounts.createToken('ana', 'to revoke');
      await fixture.accounts.revokeToken(token.id);
      for (const bearer of [forged, 'nonsense', "cct_' OR 1=1 --", secret]) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/stats',
          headers: { authorization: `Bearer ${bearer}`, [COLLECTION_HEADER]: 'case-a' },
        });
        expect(response.statusCode).toBe(401);
      }
      const failed = (await fixture.accounts.listAudit({ limit: 1000 })).filter(
        (e) => e.action === 'login-failed',
      );
      expect(failed.length).toBeGreaterThanOrEqual(4);
      expect(failed[0]).toMatchObject({ username: null, status: 401, route: '/api/stats' });
    });

    it('still serves the API description', async () => {
      const spec = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(spec.statusCode).toBe(200);
      expect(spec.json().components.securitySchemes.token).toMatchObject({ scheme: 'bearer' });
    });
  });

  describe('collections', () => {
    it('answers another collection’s member exactly as for a collection that does not exist', async () => {
      for (const route of routes.filter((r) => r.collection)) {
        const options = request(route);
        const foreign = await as('bob', 'case-a', options);
        const missing = await as('bob', 'no-such-case', options);
        expect(foreign.statusCode, `${route.method} ${route.url}`).toBe(404);
        expect(missing.statusCode).toBe(404);
        expect(foreign.body).toBe(missing.body);
      }
    });

    it('answers 400 without a collection, and refuses path tricks in its name', async () => {
      expect((await as('ana', null, { method: 'GET', url: '/api/stats' })).statusCode).toBe(400);
      for (const slug of [
        '../control',
        '..%2Fcontrol',
        'case-a/../case-b',
        'CASE-A',
        "case-a' OR '1'='1",
        '',
      ]) {
        const byHeader = await get('ana', '/api/stats', slug);
        expect([400, 404], slug).toContain(byHeader.statusCode);
        const byQuery = await as('ana', null, {
          method: 'GET',
          url: `/api/stats?collection=${encodeURIComponent(slug)}`,
        });
        expect([400, 404], slug).toContain(byQuery.statusCode);
      }
    });

    it('takes the collection from ?collection= for browser downloads', async () => {
      const response = await as('ana', null, {
        method: 'GET',
        url: '/api/export?format=ftm&collection=case-a',
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/attachment/);
    });

    it('lists only the caller’s collections and memberships', async () => {
      const mine = (await as('ana', null, { method: 'GET', url: '/api/collections' })).json();
      expect(mine.map((c: { collection: string }) => c.collection)).toEqual(['case-a']);
      const me = (await as('bob', null, { method: 'GET', url: '/api/me' })).json();
      expect(me.user.username).toBe('bob');
      expect(me.memberships).toEqual([
        expect.objectContaining({ collection: 'case-b', role: 'admin', tlp: 'GREEN' }),
      ]);
    });
  });

  describe('roles', () => {
    it('refuses a reader every write with 403, and lets them read', async () => {
      const writes = routes.filter((r) => r.collection && !isRead(r.method));
      expect(writes.length).toBeGreaterThanOrEqual(5);
      for (const route of writes) {
        const response = await as('rita', 'case-a', request(route));
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
      expect((await get('rita', '/api/stats')).statusCode).toBe(200);
    });

    it('lets an analyst state a hypothesis', async () => {
      const response = await as('ana', 'case-a', {
        method: 'POST',
        url: '/api/hypotheses',
        payload: { text: 'The brokers moved the cargo by sea', analyst: 'ana' },
      });
      expect(response.statusCode).toBe(201);
    });

    it('keeps member management to collection admins and collection creation to server admins', async () => {
      const grant = (user: string) =>
        as(user, null, {
          method: 'PUT',
          url: '/api/collections/case-a/members/bob',
          payload: { role: 'reader' },
        });
      expect((await grant('ana')).statusCode).toBe(403);
      const bobs = await grant('bob');
      expect(bobs.statusCode).toBe(404);
      expect(bobs.body).toBe(
        (
          await as('bob', null, {
            method: 'PUT',
            url: '/api/collections/no-such-case/members/bob',
            payload: { role: 'reader' },
          })
        ).body,
      );
      const create = (user: string) =>
        as(user, null, { method: 'POST', url: '/api/collections', payload: { slug: 'case-c' } });
      // adam (admin, default clearance) may not hand out more than his own AMBER+STRICT.
      const redGrant = await as('adam', null, {
        method: 'PUT',
        url: '/api/collections/case-a/members/adam',
        payload: { role: 'admin', clearance: 'RED' },
      });
      expect(redGrant.statusCode).toBe(403);
      expect((await fixture.accounts.getMembership('adam', 'case-a'))?.clearance).toBe(
        'AMBER+STRICT',
      );
      const readerGrant = await as('adam', null, {
        method: 'PUT',
        url: '/api/collections/case-a/members/bob',
        payload: { role: 'reader', clearance: 'GREEN' },
      });
      expect(readerGrant.statusCode).toBe(200);
      expect(readerGrant.json()).toMatchObject({
        username: 'bob',
        role: 'reader',
        clearance: 'GREEN',
      });
      await fixture.accounts.revokeMembership('case-a', 'bob');
      expect((await create('adam')).statusCode).toBe(403);
      expect((await create('root')).statusCode).toBe(201);
      const members = await as('adam', null, {
        method: 'GET',
        url: '/api/collections/case-a/members',
      });
      expect(members.statusCode).toBe(200);
      expect(members.json().map((m: { username: string }) => m.username)).toContain('rita');
    });

    it('lets a user manage their own tokens only', async () => {
      const created = await as('rita', null, {
        method: 'POST',
        url: '/api/tokens',
        payload: { label: 'phone' },
      });
      expect(created.statusCode).toBe(201);
      const { id, secret } = created.json();
      expect(secret).toMatch(/^cct_/);
      const listed = (await as('rita', null, { method: 'GET', url: '/api/tokens' })).json();
      expect(listed.map((t: { id: string }) => t.id)).toContain(id);
      expect(JSON.stringify(listed)).not.toContain(secret);
      expect(
        (await as('bob', null, { method: 'DELETE', url: `/api/tokens/${id}` })).statusCode,
      ).toBe(404);
      expect(
        (await as('rita', null, { method: 'DELETE', url: `/api/tokens/${id}` })).statusCode,
      ).toBe(204);
      const revoked = await app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(revoked.statusCode).toBe(401);
    });
  });

  describe('TLP clearance', () => {
    /** Every response an AMBER+STRICT member could read the RED document's contents through. */
    const surfaces = [
      `/api/search?q=${RED_WORD}`,
      '/api/search?q=Quetzal&limit=50',
      '/api/search?q=Quetzal&facets=true',
      `/api/entities?q=${encodeURIComponent(RED_PERSON.split(' ')[1]!)}`,
      '/api/entities?limit=200',
      '/api/resolved-entities?limit=200',
      '/api/graph',
      '/api/claims?limit=200',
      '/api/timeline',
      '/api/places',
      '/api/stats',
      '/api/export?format=stix',
      '/api/export?format=ftm',
      '/api/export?format=gexf',
      '/api/export?format=claimreview',
      `/api/export?format=ftm&q=${RED_WORD}`,
    ];

    it('never shows an AMBER+STRICT member the RED document, its words, people or quotes', async () => {
      for (const url of surfaces) {
        const response = await get('amy', url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).not.toContain(RED_WORD);
        expect(response.body, url).not.toContain('Vasquez');
        expect(response.body, url).not.toContain(RED_QUOTE);
      }
      const search = (await get('amy', `/api/search?q=${RED_WORD}`)).json();
      expect(search.total).toBe(0);
    });

    it('keeps the ingest log, which names every file, to members cleared RED', async () => {
      for (const url of ['/api/runs', '/api/failures']) {
        expect((await get('amy', url)).statusCode, url).toBe(403);
        expect((await get('ana', url)).statusCode, url).toBe(200);
      }
      expect((await get('ana', '/api/runs')).body).toContain('nightjar.txt');
    });

    it('counts only what the member may see', async () => {
      const amy = (await get('amy', '/api/stats')).json();
      const ana = (await get('ana', '/api/stats')).json();
      expect(ana.documents).toBe(amy.documents + 1);
    });

    it('shows the RED document through those same surfaces to a member cleared RED', async () => {
      // Proves the surfaces above would carry the RED content if the clearance let it through.
      for (const url of surfaces.filter((u) => !/\/api\/(places|stats)/.test(u))) {
        const body = (await get('ana', url)).body;
        expect(body.includes(RED_WORD) || body.includes('Vasquez'), url).toBe(true);
      }

      const search = (await get('ana', `/api/search?q=${RED_WORD}`)).json();
      expect(search.total).toBe(1);
      expect(JSON.stringify(search)).toContain(RED_WORD);
      expect((await get('ana', '/api/entities?limit=200')).body).toContain('Vasquez');
      expect((await get('ana', '/api/export?format=stix')).body).toContain(RED_WORD);
      expect((await get('ana', '/api/claims?limit=200')).body).toContain(RED_QUOTE);
    });

    it("keeps analysts' records written at RED, or about what only RED shows, from an AMBER+STRICT member", async () => {
      const post = (user: string, url: string, payload: object) =>
        as(user, 'case-a', { method: 'POST', url, payload });
      // A claim both members see (the AMBER report's quote) and the one only ana sees.
      const visible = (await get('amy', '/api/claims?limit=200')).json().claims[0].cluster;
      const secret = `${RED_WORD}: ${RED_QUOTE}, per ${RED_PERSON}`;

      // Ana, cleared RED, writes about what both see, in words only the RED document holds...
      const hypothesis = await post('ana', '/api/hypotheses', { text: secret, analyst: 'ana' });
      expect(hypothesis.statusCode).toBe(201);
      const writes = [
        post('ana', `/api/hypotheses/${hypothesis.json().id}/marks`, {
          claimId: visible.id,
          mark: 'consistent',
          reason: secret,
          analyst: 'ana',
        }),
        post('ana', `/api/claims/${visible.id}/grades`, {
          credibility: 1,
          reason: secret,
          analyst: 'ana',
        }),
        post('ana', `/api/sources/${encodeURIComponent(visible.speaker ?? 'Maria Lopez')}/grades`, {
          reliability: 'A',
          reason: secret,
          analyst: 'ana',
        }),
        // ...and about a source only the RED document shows, in plain words.
        post('ana', `/api/sources/${encodeURIComponent(RED_PERSON)}/grades`, {
          reliability: 'E',
          reason: 'Unreliable.',
          analyst: 'ana',
        }),
      ];
      for (const response of await Promise.all(writes)) expect(response.statusCode).toBe(201);
      // Amy's own records are hers to see, recorded at her clearance.
      const own = await post('amy', '/api/hypotheses', {
        text: 'The port doubled inspections after a tip-off',
        analyst: 'amy',
      });
      expect(own.statusCode).toBe(201);
      const amysGrade = await post('amy', `/api/claims/${visible.id}/grades`, {
        credibility: 3,
        reason: 'One spokeswoman, on the record.',
        analyst: 'amy',
      });
      expect(amysGrade.statusCode).toBe(201);

      // A rename by a member cleared RED, through the API: recorded at her clearance and
      // re-resolved over the whole collection (a restricted view may not write the resolution).
      const renamed = (await get('amy', '/api/resolved-entities?limit=200')).json().entities[0];
      const decision = await post('ana', '/api/entities/decisions', {
        kind: 'rename',
        entity: renamed.id,
        name: `${RED_WORD} broker`,
        reason: secret,
        analyst: 'ana',
      });
      expect(decision.statusCode, decision.body).toBe(201);
      expect(decision.json().entity.name).toBe(`${RED_WORD} broker`);

      const records = [
        '/api/hypotheses',
        '/api/claims?limit=200',
        `/api/claims/${visible.id}`,
        '/api/resolved-entities?limit=200',
        `/api/resolved-entities/${encodeURIComponent(renamed.id)}`,
      ];
      for (const url of [...records, ...surfaces]) {
        const response = await get('amy', url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).not.toContain(RED_WORD);
        expect(response.body, url).not.toContain('Vasquez');
        expect(response.body, url).not.toContain(RED_QUOTE);
      }
      const workspace = (await get('amy', '/api/hypotheses')).json();
      expect(workspace.hypotheses.map((h: { text: string }) => h.text)).toContain(
        'The port doubled inspections after a tip-off',
      );
      const claim = (await get('amy', `/api/claims/${visible.id}`)).json();
      expect(claim.history.map((g: { analyst: string }) => g.analyst)).toEqual(['amy']);
      expect(claim.assessment.credibility.value).toBe(3);
      expect((await get('amy', '/api/resolved-entities?q=broker')).json().total).toBe(0);
      const stored = await (await fixture.stores.open('case-a')).listHypotheses();
      expect(stored.find((h) => h.analyst === 'amy')?.clearance).toBe('AMBER+STRICT');
      expect(stored.find((h) => h.text === secret)?.clearance).toBe('RED');

      // Proof that the same surfaces carry those records to a member cleared RED.
      for (const url of records.slice(0, 3)) {
        expect((await get('ana', url)).body, url).toContain(RED_QUOTE);
      }
      for (const url of records.slice(3)) {
        expect((await get('ana', url)).body, url).toContain(`${RED_WORD} broker`);
      }
      const anas = (await get('ana', `/api/claims/${visible.id}`)).json();
      expect(anas.history.map((g: { analyst: string }) => g.analyst)).toEqual(['ana', 'amy']);
    });

    it('tells a member only of the unapplied entity decisions they may see', async () => {
      const post = (user: string, url: string, payload: object) =>
        as(user, 'case-a', { method: 'POST', url, payload });
      const full = await fixture.stores.open('case-a');
      const vasquez = (await get('ana', '/api/resolved-entities?q=Vasquez')).json().entities[0];
      expect(vasquez?.id).toBeTruthy();
      // Three decisions that match no name in the case, so re-resolution cannot apply them: one
      // written at RED, one at AMBER+STRICT about the person only the RED report shows, and one
      // at AMBER+STRICT about nobody, which amy may see.
      const at = new Date().toISOString();
      await full.addEntityDecision({
        kind: 'rename',
        decision: { entity: `person:${RED_WORD.toLowerCase()} courier`, name: 'The courier' },
        analyst: 'ana',
        at,
        reason: RED_QUOTE,
      });
      await full.addEntityDecision({
        kind: 'merge',
        decision: { keys: [vasquez.id, 'person:nobody in this case'] },
        analyst: 'ana',
        at,
        reason: 'The same colonel.',
        clearance: 'AMBER+STRICT',
      });
      await full.addEntityDecision({
        kind: 'rename',
        decision: { entity: 'person:nobody at all', name: 'Nobody' },
        analyst: 'amy',
        at,
        reason: 'A name from a phone call.',
        clearance: 'AMBER+STRICT',
      });

      const lopez = (await get('amy', '/api/resolved-entities?q=Lopez')).json().entities[0];
      expect(lopez?.id).toBeTruthy();
      const rename = (user: string) =>
        post(user, '/api/entities/decisions', {
          kind: 'rename',
          entity: lopez.id,
          name: 'Maria Lopez (customs)',
          reason: 'Her role, as the report gives it.',
          analyst: user,
        });
      const amys = await rename('amy');
      expect(amys.statusCode, amys.body).toBe(201);
      expect(amys.json().unappliedDecisions).toBe(1);
      // The same count, through the same route, includes the other two for a member cleared RED.
      const anas = await rename('ana');
      expect(anas.statusCode, anas.body).toBe(201);
      expect(anas.json().unappliedDecisions).toBe(3);
    });

    it('does not show the RED document by id to an AMBER+STRICT member', async () => {
      const search = (await get('ana', `/api/search?q=${RED_WORD}`)).json();
      const id: string = search.hits[0].id;
      expect((await get('ana', `/api/documents/${id}`)).statusCode).toBe(200);
      const hidden = await get('amy', `/api/documents/${id}`);
      const unknown = await get('amy', `/api/documents/${'0'.repeat(64)}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.statusCode).toBe(unknown.statusCode);
      expect(hidden.body).not.toContain(RED_WORD);
      for (const path of ['extraction', 'reuse']) {
        const sub = await get('amy', `/api/documents/${id}/${path}`);
        expect(sub.statusCode, path).toBe(404);
        expect(sub.body).not.toContain(RED_WORD);
      }
    });
  });

  describe('uploads', () => {
    it('ingests an analyst’s upload into their collection only, under its marking', async () => {
      const upload = await as('amy', 'case-a', {
        method: 'PUT',
        url: '/api/ingest/files?name=ledger.txt',
        payload: 'Ledger of the Osprey berth\nThe Osprey berth was paid in cash, said a clerk.\n',
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(upload.statusCode).toBe(202);
      const { id } = upload.json();
      let job = (await get('amy', `/api/ingest/jobs/${id}`)).json();
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((done) => setTimeout(done, 50));
        job = (await get('amy', `/api/ingest/jobs/${id}`)).json();
      }
      expect(job.status).toBe('done');
      // Another collection's admin sees neither the job nor the document.
      expect((await get('bob', `/api/ingest/jobs/${id}`, 'case-b')).statusCode).toBe(404);
      expect((await get('bob', '/api/ingest/jobs', 'case-b')).body).not.toContain('ledger.txt');
      expect((await get('bob', '/api/search?q=Osprey', 'case-b')).json().total).toBe(0);
      // case-a is AMBER, within amy's AMBER+STRICT clearance.
      const found = (await get('amy', '/api/search?q=Osprey')).json();
      expect(found.total).toBe(1);
      const stored = await (await fixture.stores.open('case-a')).getDocument(found.hits[0].id);
      expect(stored?.tlp).toBe('AMBER');
    });
  });

  describe('hostile input', () => {
    const injections = [
      "' OR 1=1 --",
      '"; DROP TABLE documents; --',
      "') UNION SELECT * FROM users --",
      '%27%3B',
      '\\x00',
    ];

    it('treats SQL in query parameters as plain text', async () => {
      const before = (await get('ana', '/api/stats')).json();
      for (const text of injections) {
        for (const url of [
          `/api/search?q=${encodeURIComponent(text)}`,
          `/api/entities?q=${encodeURIComponent(text)}`,
          `/api/claims?q=${encodeURIComponent(text)}`,
          `/api/documents/${encodeURIComponent(text)}`,
          `/api/entities/person/${encodeURIComponent(text)}`,
          `/api/export?format=ftm&q=${encodeURIComponent(text)}`,
        ]) {
          const response = await get('ana', url);
          expect([200, 400, 404], url).toContain(response.statusCode);
        }
      }
      expect((await get('ana', '/api/stats')).json()).toEqual(before);
      expect((await get('ana', `/api/search?q=${RED_WORD}`)).json().total).toBe(1);
    });

    it('stores SQL in JSON bodies as text', async () => {
      for (const text of injections) {
        const response = await as('ana', 'case-a', {
          method: 'POST',
          url: '/api/hypotheses',
          payload: { text: `${text} hypothesis`, analyst: text },
        });
        expect([201, 400]).toContain(response.statusCode);
      }
      const workspace = (await get('ana', '/api/hypotheses')).json();
      expect(JSON.stringify(workspace)).toContain('DROP TABLE documents');
      expect((await get('ana', `/api/search?q=${RED_WORD}`)).json().total).toBe(1);
      expect((await fixture.accounts.listUsers()).length).toBeGreaterThanOrEqual(6);
    });

    it('refuses upload names that leave the upload folder', async () => {
      for (const name of ['../../evil.txt', '..\\evil.txt', '/etc/passwd', '..']) {
        const response = await as('ana', 'case-a', {
          method: 'PUT',
          url: `/api/ingest/files?name=${encodeURIComponent(name)}`,
          payload: 'text',
          headers: { 'content-type': 'application/octet-stream' },
        });
        expect(response.statusCode, name).toBe(400);
      }
    });

    it('answers 413 to an oversized JSON body', async () => {
      const response = await as('ana', 'case-a', {
        method: 'POST',
        url: '/api/hypotheses',
        payload: JSON.stringify({ text: 'x'.repeat(1_200_000), analyst: 'ana' }),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('FILE_TOO_LARGE');
    });
  });

  describe('audit log', () => {
    it('records reads, changes and exports with who, where and what', async () => {
      await get('rita', '/api/search?q=Quetzal');
      await get('rita', '/api/export?format=ftm');
      await as('ana', 'case-a', {
        method: 'POST',
        url: '/api/hypotheses',
        payload: { text: 'Audited hypothesis', analyst: 'ana' },
      });
      const entries = await fixture.accounts.listAudit({ collection: 'case-a', limit: 1000 });
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            username: 'rita',
            action: 'read',
            method: 'GET',
            route: '/api/search',
            target: '/api/search?q=Quetzal',
            status: 200,
          }),
          expect.objectContaining({ username: 'rita', action: 'export', route: '/api/export' }),
          expect.objectContaining({
            username: 'ana',
            action: 'change',
            method: 'POST',
            status: 201,
          }),
        ]),
      );
      expect(entries.every((e) => e.collection === 'case-a')).toBe(true);
    });

    it('shows a collection’s log to its admins only, and only that collection', async () => {
      await get('bob', '/api/stats', 'case-b');
      expect((await get('rita', '/api/audit')).statusCode).toBe(403);
      const log = await get('adam', '/api/audit?limit=1000');
      expect(log.statusCode).toBe(200);
      const entries = log.json() as { collection: string }[];
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((e) => e.collection === 'case-a')).toBe(true);
      const theirs = (await get('bob', '/api/audit', 'case-b')).json() as { collection: string }[];
      expect(theirs.every((e) => e.collection === 'case-b')).toBe(true);
    });
  });

  describe('rate limit', () => {
    it('answers 429 once a token, or an anonymous address, is over the limit', async () => {
      const limited = await fixture.build({ max: 3, timeWindow: 60_000 });
      const call = (user: string | null) =>
        limited.inject({
          method: 'GET',
          url: '/api/stats',
          headers: {
            ...(user && { authorization: `Bearer ${fixture.tokens[user]}` }),
            [COLLECTION_HEADER]: 'case-a',
          },
        });
      for (let i = 0; i < 3; i++) expect((await call('rita')).statusCode).toBe(200);
      const over = await call('rita');
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('RATE_LIMITED');
      expect(over.headers['retry-after']).toBeDefined();
      // Another token has its own allowance.
      expect((await call('ana')).statusCode).toBe(200);
      for (let i = 0; i < 3; i++) expect((await call(null)).statusCode).toBe(401);
      expect((await call(null)).statusCode).toBe(429);
    });

    it('behind a trusted proxy, limits each client address, not the proxy', async () => {
      const proxied = await fixture.build({ max: 2, timeWindow: 60_000 }, '127.0.0.1');
      const call = (client: string) =>
        proxied.inject({
          method: 'GET',
          url: '/api/stats',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < 2; i++) expect((await call('203.0.113.7')).statusCode).toBe(401);
      expect((await call('203.0.113.7')).statusCode).toBe(429);
      expect((await call('198.51.100.9')).statusCode).toBe(401);
    });
  });
}
