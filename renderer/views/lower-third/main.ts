import '@fontsource/noto-sans-sc/700.css';
import '../../styles/base.css';
import '../../styles/controls.css';
import './lower-third.css';
import { findItem } from '../../../shared/agenda/agenda-queries';
import type { Item } from '../../../shared/agenda/agenda-schema';
import { HTML_LANG, uiLanguageFor, type UiLanguage } from '../../../shared/i18n/translate';
import { lowerThirdOn, lowerThirdOutAt } from '../../../shared/outputs/lower-third';
import { applyBrandingInfo } from '../../app/branding-dom';
import { keyParam, langParam } from '../../app/output-params';
import { serverNow } from '../../app/server-clock';
import { speakerName } from '../../app/speaker-label';
import { loadMessages, translate } from '../../i18n/messages';
import { VIEW_MESSAGES } from './messages';
import { connectOverlay } from './overlay-link';

/*
 * The stream's lower third (#19, docs/outputs.md): the current speaker's name, title and
 * organisation, in over a transparent (or ?key=) background when an item starts or on
 * `lowerThird.show`, out after the hold time set in the console. Every client agrees when it goes
 * out: the cue and the hold are state, read against the synced server clock. Plain DOM, no React:
 * it loads in a streaming PC's browser source beside the video pipeline.
 */

loadMessages(VIEW_MESSAGES);

const search = window.location.search;
const askedLangs = langParam(search);
const key = keyParam(search);
const paramError = [askedLangs.ok ? null : askedLangs.message, key.ok ? null : key.message].filter((m) => m !== null).join(' · ');

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, testId?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  e.className = className;
  if (testId) e.dataset['testid'] = testId;
  return e;
};

const root = el('div', 'view view--lower-third', 'view-root');
const stage = el('div', 'lt-stage');
if (key.ok && key.value !== null) {
  stage.style.background = key.value;
  stage.dataset['key'] = key.value;
}
const box = el('div', 'lower-third', 'lower-third');
const brand = el('div', 'brand-slot');
brand.setAttribute('aria-hidden', 'true');
const text = el('div', 'lower-third__text');
const names = el('div', 'lower-third__names');
const name = el('span', 'lower-third__name', 'lower-third-name');
const detail = el('div', 'lower-third__detail');
text.append(names, detail);
box.append(brand, text);
const status = el('div', 'lt-status connection', 'connection');
status.setAttribute('role', 'status');
stage.append(box, status);
if (paramError) {
  const error = el('div', 'lt-error', 'output-param-error');
  error.setAttribute('role', 'alert');
  error.textContent = paramError;
  stage.append(error);
}
root.append(stage);
document.getElementById('root')?.append(root);

/** The names to show: one per language asked for, each in its script; the other script beside a single one. */
function namesOf(item: Item, langs: readonly UiLanguage[]): string[] {
  const order: UiLanguage[] = langs.length === 1 ? [langs[0]!, langs[0] === 'zh' ? 'en' : 'zh'] : [...langs];
  const all = order.map((l) => speakerName(item, l));
  return all.filter((n, i) => n !== '' && all.indexOf(n) === i);
}

let shownItem: Item | undefined;
let outTimer: ReturnType<typeof setTimeout> | null = null;

function render(): void {
  const snapshot = link.snapshot();
  const langs = askedLangs.ok && askedLangs.value !== null ? askedLangs.value : [uiLanguageFor(snapshot?.agenda.languages[0])];
  const lang = langs[0]!;
  document.documentElement.lang = HTML_LANG[lang];
  link.hello(lang);
  const { info, token } = link.branding();
  applyBrandingInfo(info, token, brand);
  const state = link.link();
  root.dataset['link'] = state;
  status.dataset['link'] = state;
  status.hidden = state === 'online';
  status.textContent = translate(lang, `link.${state}`);

  const lowerThird = snapshot?.display.lowerThird ?? null;
  const cued = snapshot && lowerThird?.cue ? findItem(snapshot.agenda, lowerThird.cue.itemId)?.item : undefined;
  // While it animates out, the box keeps the last speaker it named.
  if (cued) shownItem = cued;
  const now = serverNow();
  const on = lowerThird !== null && cued !== undefined && lowerThirdOn(lowerThird, now);
  box.dataset['state'] = on ? 'in' : 'out';
  box.setAttribute('aria-hidden', String(!on));
  box.setAttribute('aria-label', translate(lang, 'lowerThird.label'));
  if (shownItem) {
    const [first = '', ...others] = namesOf(shownItem, langs);
    name.textContent = first;
    name.lang = HTML_LANG[lang];
    names.replaceChildren(name, ...others.map((n) => Object.assign(el('span', 'lower-third__alt'), { textContent: n })));
    const { role, organisation } = shownItem.speaker;
    detail.textContent = [role, organisation].filter((s) => s !== '').join(' · ');
    detail.hidden = detail.textContent === '';
  }

  if (outTimer !== null) clearTimeout(outTimer);
  outTimer = null;
  const outAt = on && lowerThird ? lowerThirdOutAt(lowerThird) : null;
  if (outAt !== null) outTimer = setTimeout(render, Math.max(0, outAt - now) + 20);
}

const link = connectOverlay(render);
render();
