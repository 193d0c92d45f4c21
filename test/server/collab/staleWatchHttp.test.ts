/**
 * The stale watch in the whole server (port 0): a proposal tabled over HTTP, the sponsor's stock
 * client editing its quoted words, the proposer's inbox holding a `proposal_stale` item and the
 * proposer's open client told the record changed; a proposal accepted over HTTP does not turn
 * stale by its own change.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { NoticeKinds } from '../../../shared/protocol';
import { connect, rawSocket, synced, until } from '../../helpers/collab';
import { startTestServer, type TestServer } from '../../helpers/server';
import { meetingWorld, type MeetingWorld } from '../meeting/helpers';

let server: TestServer;
let w: MeetingWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = await meetingWorld(server);
});
afterAll(async () => {
  await server?.close();
});

const OP2 = 'Requests the Secretariat to report to the Conference at its twelfth session;';
type InboxItem = { kind: string; draftId: string };
const staleItems = async () =>
  ((await w.api('nonSponsor', 'GET', '/api/inbox')).body as { items: InboxItem[] }).items.filter((i) => i.kind === 'proposal_stale' && i.draftId === w.draft.id);

it("tells the proposer's inbox and open client when the sponsor edits the quoted words, and not for an accepted proposal's own change", async () => {
  const editor = connect(`${server.wsUrl}/collab`, w.draft.id, w.as.sponsor.token);
  const raw = await rawSocket(`${server.wsUrl}/collab`, w.draft.id, w.as.nonSponsor.token);
  try {
    await synced(editor.provider);
    const accepted = await w.api('nonSponsor', 'POST', w.draftPath('/proposals'), {
      amendment: { kind: 'replace_words', paragraph: 'OP 2', words: 'the Secretariat', text: 'UNODC' },
    });
    const tabled = await w.api('nonSponsor', 'POST', w.draftPath('/proposals'), { amendment: { kind: 'replace_words', paragraph: 'OP 2', words: 'twelfth', text: 'thirteenth' } });
    expect([accepted.status, tabled.status]).toEqual([201, 201]);
    // Accepting the first changes its own words: nobody is told it turned stale.
    expect((await w.api('sponsor', 'POST', w.draftPath(`/proposals/${accepted.body.id}/decision`), { state: 'accepted' })).status).toBe(200);
    const op2 = () => (editor.doc.getXmlFragment('prosemirror').get(3) as Y.XmlElement).get(0) as Y.XmlText;
    await until(() => op2().toString().includes('UNODC'), 5_000, 'accepted change relayed');
    await new Promise((r) => setTimeout(r, 200));
    expect(await staleItems()).toEqual([]);

    const told = raw.heard.notices.filter((n) => n.kind === NoticeKinds.recordChanged).length;
    op2().insert(OP2.replace('the Secretariat', 'UNODC').indexOf('twelfth') + 3, 'X');
    await until(async () => (await staleItems()).length === 1, 5_000, 'the proposer told in the inbox');
    await until(() => raw.heard.notices.filter((n) => n.kind === NoticeKinds.recordChanged).length > told, 5_000, 'the open client told');
    const listed = await w.api('nonSponsor', 'GET', w.draftPath('/proposals?state=stale'));
    expect(listed.body.proposals.map((p: { id: string }) => p.id)).toEqual([tabled.body.id]);
  } finally {
    editor.provider.destroy();
    raw.ws.close();
  }
});
