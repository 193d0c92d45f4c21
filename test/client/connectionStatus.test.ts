import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../client/collab/connection';
import { readOnlyReason } from '../../client/collab/connection';
import { NoticeKinds } from '../../shared/protocol';
import { describeConnection } from '../../client/connectionStatus';
import { colourFor } from '../../client/collab/presence';

const base: ConnectionState = { status: 'connected', synced: true, unsent: false, mode: 'edit', reason: null, restored: true, paused: false };

describe('connection status line', () => {
  it('says connected, reconnecting, offline with unsent changes, closed with the reason', () => {
    expect(describeConnection(base)).toEqual({ text: 'Connected', tone: 'ok' });
    expect(describeConnection({ ...base, status: 'reconnecting', unsent: true }).text).toBe('Reconnecting… — changes not yet sent');
    expect(describeConnection({ ...base, status: 'offline', unsent: true })).toEqual({ text: 'Offline — changes not yet sent, kept on this computer', tone: 'bad' });
    expect(describeConnection({ ...base, status: 'offline' }).text).toBe('Offline');
    expect(describeConnection({ ...base, status: 'closed', reason: 'this draft does not exist any more' }).text).toBe('Disconnected: this draft does not exist any more');
    expect(describeConnection({ ...base, paused: true }).tone).toBe('warn');
  });

  it("takes the banner's read-only reason from the notice's structure, never from its prose", () => {
    const why = 'the text is frozen: nobody can change it';
    expect(readOnlyReason({ kind: NoticeKinds.mode, mode: 'read', why, message: 'anything at all' }, null)).toBe(why);
    expect(readOnlyReason({ kind: NoticeKinds.updateRefused, mode: 'read', refusal: { reason: 'read_only', why }, message: 'x' }, null)).toBe(why);
    // A notice that says nothing new about why keeps the reason already shown; edit mode clears it.
    expect(readOnlyReason({ kind: NoticeKinds.recordChanged, mode: 'read', message: 'x' }, why)).toBe(why);
    expect(readOnlyReason({ kind: NoticeKinds.mode, mode: 'edit', why: null, message: 'you may edit' }, why)).toBeNull();
  });

  it('gives a delegation the same colour every time', () => {
    expect(colourFor('CHL')).toBe(colourFor('CHL'));
    expect(colourFor('CHL')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
