import { afterAll, expect, it } from 'vitest';
import { UserEntity } from '../modules/auth/user.entity.js';
import { gql } from '../test-support/client.js';
import { describeEachEngine } from '../test-support/harness.js';
import { partnerObjects } from './fixtures.js';

const summary: string[] = [];
afterAll(() => console.log(summary.join('\n')));

const LISTS = [
  '{ me { id email roles partner { name } permissions { action allowed } } }',
  '{ customers { edges { node { id name tenantId domain orders(first: 20) { id lines { id } } software(first: 20) { id status links { id version language fileType downloadsUsed issuedBy { email } } } } } } }',
  '{ invoices { edges { node { id lines(first: 20) { id orderId productName amount { decimal } } } } } }',
  '{ activityLog(from: "2000-01-01T00:00:00Z", to: "2002-12-31T00:00:00Z") { edges { node { id } } } }',
  '{ supportRequests { edges { node { id title contactEmail attachments { id url } } } } }',
];

describeEachEngine('secrets', (use) => {
  it('D5/D6: server logs and list responses never hold activation keys, link tokens, session tokens or password hashes', async () => {
    const h = use();
    h.clock.set(new Date('2026-11-10T10:00:00Z'));
    const objects = await partnerObjects(h);
    // A browser session too: its cookie token must not appear anywhere either.
    const browser = await gql<{ signIn: { me: { email: string } } }>(
      h.url,
      'mutation($i: SignInInput!) { signIn(input: $i) { me { email } } }',
      { i: { email: 'nobody@example.test', password: 'wrong' } },
    );
    expect(browser.errors).toBeDefined();
    const downloads = await fetch(`${h.url}/downloads/${objects.linkToken}`);
    await downloads.arrayBuffer();
    const responses: string[] = [];
    for (const query of LISTS) {
      const activity = query.includes('activityLog')
        ? query
            .replace('2000-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
            .replace('2002-12-31T00:00:00Z', '2026-12-31T00:00:00Z')
        : query;
      const token = query.includes('activityLog')
        ? await objects.newUser(['GLOBAL_ADMIN'])
        : objects.adminToken;
      responses.push(JSON.stringify(await gql(h.url, activity, {}, { token })));
    }
    const passwordHashes = (await h.db.manager.find(UserEntity)).map((u) => u.passwordHash);
    const plaintext = [objects.activationKey, objects.linkToken, objects.adminToken];
    const appLog = h.logLines.filter((line) => !line.startsWith('query'));
    const sqlLog = h.logLines.filter((line) => line.startsWith('query'));
    const found: string[] = [];
    for (const secret of [...plaintext, ...passwordHashes]) {
      if (appLog.some((line) => line.includes(secret)))
        found.push(`server log holds ${secret.slice(0, 6)}…`);
      if (responses.some((body) => body.includes(secret)))
        found.push(`a list response holds ${secret.slice(0, 6)}…`);
    }
    // Even the test-only SQL log (every statement with its parameters) holds no plaintext secret.
    for (const secret of plaintext)
      if (sqlLog.some((line) => line.includes(secret)))
        found.push(`SQL log holds ${secret.slice(0, 6)}…`);
    expect(appLog.some((line) => line.includes('"path":"/downloads/[redacted]"'))).toBe(true);
    summary.push(
      `secrets [${h.engine}]: ${appLog.length} log lines, ${sqlLog.length} SQL statements, ${responses.length} list responses checked for ${plaintext.length + passwordHashes.length} secrets: ${found.length} found`,
    );
    expect(found).toEqual([]);
  });
});
