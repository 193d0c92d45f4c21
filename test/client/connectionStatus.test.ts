import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../client/collab/connection';
import { readableReason } from '../../client/collab/connection';
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

  it('turns the server\'s read-only messages into a reason for the banner', () => {
    expect(readableReason('read-only: the text is frozen: nobody can change it')).toBe('the text is frozen: nobody can change it');
    expect(readableReason('this text is now read-only for you: only delegates of the sponsors may edit.')).toBe('only delegates of the sponsors may edit');
  });

  it('gives a delegation the same colour every time', () => {
    expect(colourFor('CHL')).toBe(colourFor('CHL'));
    expect(colourFor('CHL')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
