/** How a session (with its body) looks in JSON. */
import type { BodyRow, SessionRow } from '../storage/types';

/** A session of a body, with the body's name when known. */
export function presentSession(s: SessionRow, body: BodyRow | null) {
  return {
    id: s.id,
    bodyId: s.bodyId,
    body: body ? { id: body.id, name: { en: body.name.en, zh: body.name.zh } } : null,
    number: s.number,
    title: { en: s.title.en, zh: s.title.zh },
    symbolPrefix: s.symbolPrefix,
    place: s.place,
    opens: s.opens,
    closes: s.closes,
  };
}
