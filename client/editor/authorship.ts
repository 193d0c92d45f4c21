/**
 * Authorship colours (as Etherpad shows them): with the toggle on, every character of the
 * working text is tinted in the colour of the delegation that wrote it (the colour of its cursor,
 * shared/presence.ts) and names it on hover. Who wrote what is the server's answer
 * (`GET /api/drafts/:id/authorship`, from the update log: server/collab/history.ts), never the
 * client's guess. Between two answers the tints follow local edits; characters typed since the
 * last answer stay untinted until the next one.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { ParagraphAuthorship } from '../../shared/history';
import { colourFor } from '../../shared/presence';
import { dispatchFromOutside } from './outsideDispatch';
import { t } from '../i18n';

/** What the tints are made from: the server's runs, and the names of the delegations in them. */
export interface Authorship {
  paragraphs: readonly ParagraphAuthorship[];
  /** A delegation's name; null for characters written by someone without a delegation. */
  nameOf(delegationId: string | null): string;
}

const key = new PluginKey<DecorationSet>('authorship');

// The text nodes of a top-level block in document order (a footnote's text where it stands), with their positions.
function textNodes(block: PMNode, blockPos: number): { pos: number; text: string }[] {
  const out: { pos: number; text: string }[] = [];
  block.descendants((node, pos) => {
    if (node.isText) out.push({ pos: blockPos + 1 + pos, text: node.text! });
  });
  return out;
}

/**
 * The tints of `doc` from `authorship`: each top-level block matched by its index, used only
 * when its characters are exactly the ones the server counted (otherwise it waits for the next
 * answer rather than tint the wrong words).
 */
export function authorshipDecorations(doc: PMNode, authorship: Authorship): DecorationSet {
  const decorations: Decoration[] = [];
  const blocks: { node: PMNode; pos: number }[] = [];
  doc.forEach((node, pos) => blocks.push({ node, pos }));
  for (const p of authorship.paragraphs) {
    const block = blocks[p.index];
    if (!block || (p.id !== '' && block.node.attrs.id !== p.id)) continue;
    const nodes = textNodes(block.node, block.pos);
    if (nodes.map((n) => n.text).join('') !== p.text) continue;
    let node = 0;
    let offset = 0; // within nodes[node]
    for (const run of p.runs) {
      let left = run.length;
      const colour = colourFor(run.delegationId ?? run.userId ?? 'unknown');
      const name = authorship.nameOf(run.delegationId);
      while (left > 0 && node < nodes.length) {
        const here = nodes[node]!;
        const take = Math.min(left, here.text.length - offset);
        decorations.push(
          Decoration.inline(here.pos + offset, here.pos + offset + take, {
            class: 'ph-author',
            style: `background-color: ${colour}2e; box-shadow: inset 0 -2px ${colour}`,
            title: t('editor:writtenBy', { name }),
            'data-delegation': run.delegationId ?? '',
          }),
        );
        left -= take;
        offset += take;
        if (offset === here.text.length) {
          node += 1;
          offset = 0;
        }
      }
    }
  }
  return DecorationSet.create(doc, decorations);
}

/** The plugin that holds the tints (empty until `showAuthorship` gives it an answer). */
export function authorshipPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const meta = tr.getMeta(key) as Authorship | null | undefined;
        if (meta === null) return DecorationSet.empty;
        if (meta) return authorshipDecorations(tr.doc, meta);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state: EditorState) => key.getState(state) },
  });
}

/** Tint the text from `authorship`, or take the tints away (null). */
export function showAuthorship(view: EditorView, authorship: Authorship | null): void {
  dispatchFromOutside(view, (state) => state.tr.setMeta(key, authorship).setMeta('addToHistory', false));
}

/** How often, with the colours on, the text is asked again after it changed. */
const REFRESH_MS = 3_000;

/**
 * The toggle over the text ("Authorship colours", aria-pressed) and its legend: each delegation's
 * colour and how many characters of the text it wrote. `load` asks the server; while the toggle
 * is on, the answer is asked again a few seconds after the text changed.
 */
export function authorshipToggle(getView: () => EditorView | null, load: () => Promise<Authorship>): { element: HTMLElement; destroy(): void } {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'authorship-toggle';
  button.textContent = t('editor:authorshipColours');
  button.setAttribute('aria-pressed', 'false');
  const legend = document.createElement('ul');
  legend.className = 'authorship-legend';
  legend.setAttribute('aria-label', t('editor:whoWrote'));
  legend.hidden = true;
  const element = document.createElement('div');
  element.className = 'authorship';
  element.append(button, legend);
  let timer: ReturnType<typeof setInterval> | null = null;
  let shownFor: PMNode | null = null;

  const draw = async () => {
    const view = getView();
    if (!view) return;
    const asked = view.state.doc;
    const authorship = await load();
    if (button.getAttribute('aria-pressed') !== 'true' || view.isDestroyed) return;
    showAuthorship(view, authorship);
    shownFor = asked;
    const chars = new Map<string | null, number>();
    for (const p of authorship.paragraphs) for (const d of p.byDelegation) chars.set(d.delegationId, (chars.get(d.delegationId) ?? 0) + d.chars);
    legend.replaceChildren(
      ...[...chars]
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => {
          const item = document.createElement('li');
          const swatch = document.createElement('span');
          swatch.className = 'swatch';
          swatch.setAttribute('aria-hidden', 'true');
          swatch.style.background = colourFor(id ?? 'unknown');
          item.append(swatch, `${authorship.nameOf(id)}: ${n} character${n === 1 ? '' : 's'}`);
          return item;
        }),
    );
    legend.hidden = false;
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    const view = getView();
    if (!on) {
      stop();
      legend.hidden = true;
      if (view) showAuthorship(view, null);
      return;
    }
    void draw().catch(() => undefined);
    timer = setInterval(() => {
      const now = getView();
      if (now && shownFor !== null && now.state.doc !== shownFor) void draw().catch(() => undefined);
    }, REFRESH_MS);
  });
  return { element, destroy: stop };
}
