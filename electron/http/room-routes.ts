import { apiError } from '../../shared/contract/errors';
import { sendDownload, sendError } from '../server/http-util';
import { buildEventReport } from '../../shared/report/event-report';
import { dateIn } from '../../shared/time/zoned-time';
import { moveItemAcross } from '../rooms/move-item';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/agenda-io/import-types';
import { readJsonBody } from './read-body';
import type { Handler } from './route-context';

/** `GET /api/v1/rooms` (any token): the event's rooms, `main` first. */
export const rooms: Handler<'rooms'> = ({ ctx, answer }) => answer({ rooms: ctx.rooms.list() });

/** `POST /api/v1/rooms {id, name: {en, zh}}` (producer): a room with an empty agenda and its own tokens. */
export const addRoom: Handler<'addRoom'> = async ({ req, res, ctx, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const added = ctx.rooms.add(body.value);
  if (!added.ok) return sendError(res, added.error);
  answer({ ok: true, room: added.room });
};

/** `GET /api/v1/rooms/<id>/tokens` (producer): the room's control, booth and view tokens (`main`: the venue's). */
export const roomTokens: Handler<'roomTokens'> = ({ res, ctx, room, answer }) => {
  const tokens = ctx.rooms.tokensOf(room);
  if (!tokens) return sendError(res, apiError('not-found', `no room "${room}"`, 'room'));
  answer({ control: tokens.control, booth: tokens.booth, view: tokens.view });
};

/** `POST /api/v1/rooms/<id>/room/name {name: {en, zh}}` (producer): renames the room. */
export const renameRoom: Handler<'renameRoom'> = async ({ req, res, ctx, room, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const renamed = ctx.rooms.rename(room, body.value);
  if (!renamed.ok) return sendError(res, renamed.error);
  answer({ ok: true, room: renamed.room });
};

/**
 * `POST /api/v1/rooms/<id>/room/remove[?confirm=running]` (producer): removes the room (never
 * `main`); its sockets are disconnected and its folder kept aside. A running or paused clock needs
 * `confirm=running`.
 */
export const removeRoom: Handler<'removeRoom'> = ({ req, res, url, ctx, room, answer }) => {
  req.resume();
  const removed = ctx.rooms.remove(room, url.searchParams.get('confirm') === 'running');
  if (!removed.ok) return sendError(res, removed.error);
  answer({ ok: true, room: removed.room.info });
};

/**
 * `GET /api/v1/event/report?format=json|csv` (the producer's token, or no token on a trusted address): the event report, a row per room (planned
 * against actual, over and under) and the event's sums. Each room's own report is
 * `/api/v1/rooms/<id>/report`. A token of one room (the venue's booth and view tokens are `main`'s) reads its own room's report only.
 */
export const eventReport: Handler<'eventReport'> = async ({ res, url, ctx, answer }) => {
  const format = url.searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return sendError(res, apiError('invalid', 'format: must be one of json, csv', 'format'));
  const now = ctx.core.clock.now();
  const report = buildEventReport(ctx.rooms.all().map((r) => ({ id: r.info.id, name: r.info.name, state: r.core.state })), now);
  if (format === 'json') return answer(report);
  const timezone = ctx.core.state.agenda.timezone;
  // The CSV writer loads on the first CSV, not with the server (bench: server RSS).
  const { renderEventReportCsv } = await import('../report/render-event-csv');
  sendDownload(res, {
    body: Buffer.from(renderEventReportCsv(report), 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    fileName: `rostrum-event-report-${dateIn(now, timezone)}.csv`,
  });
};

const noLinks = () => apiError('not-found', 'rooms on other servers are not available here');

/** `GET /api/v1/linked-rooms` (producer): rooms on other servers, each with its link and last state. */
export const linkedRooms: Handler<'linkedRooms'> = ({ res, ctx, answer }) => (ctx.linked ? answer({ rooms: ctx.linked.list() }) : sendError(res, noLinks()));

/** `POST /api/v1/linked-rooms {url, token, name, room?}` (producer): links a room of another server. */
export const addLinkedRoom: Handler<'addLinkedRoom'> = async ({ req, res, ctx, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  if (!ctx.linked) return sendError(res, noLinks());
  const added = ctx.linked.add(body.value);
  if (!added.ok) return sendError(res, added.error);
  answer({ ok: true, room: added.room });
};

/** `POST /api/v1/linked-rooms/command?id=<id>` (producer): a command, run by the linked room's server. */
export const linkedCommand: Handler<'linkedCommand'> = async ({ req, res, url, ctx, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  if (!ctx.linked) return sendError(res, noLinks());
  const ack = await ctx.linked.command(url.searchParams.get('id') ?? '', body.value);
  if (ack.ok) answer(ack);
  else sendError(res, ack.error);
};

/**
 * `POST /api/v1/rooms/<from>/items/move {itemId, toRoom, toSessionId, beforeItemId?}` (producer): the
 * item moves to another room with its id, notes and report entry; both rooms' files hold the move,
 * or neither (electron/rooms/move-item.ts).
 */
export const moveItem: Handler<'moveItem'> = async ({ req, res, ctx, room, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const moved = moveItemAcross(ctx.rooms, room, body.value);
  if (!moved.ok) return sendError(res, moved.error);
  answer(moved.answer);
};

const isExportFormat = (v: string): v is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(v);

/**
 * `GET /api/v1/event/export?format=json|csv|xlsx` (producer, or no token on a trusted address): every
 * room's agenda in one file that import reads back into the same rooms (a `room` field or column).
 * Each room's own is `/api/v1/rooms/<id>/agenda/export`.
 */
export const eventExport: Handler<'eventExport'> = async ({ res, url, ctx }) => {
  const format = url.searchParams.get('format') ?? 'json';
  if (!isExportFormat(format)) return sendError(res, apiError('invalid', `format: must be one of ${EXPORT_FORMATS.join(', ')}`, 'format'));
  const rooms = ctx.rooms.all().map((r) => ({ id: r.info.id, agenda: r.core.state.agenda }));
  // The writers load on the first export, not with the server (bench: server RSS).
  const { exportEvent } = await import('../rooms/export-event');
  sendDownload(res, await exportEvent(rooms, format));
};

/** `POST /api/v1/rooms/order {order: [ids…]}` (producer): the rooms' order, `main` first, kept in rooms.json. */
export const reorderRooms: Handler<'reorderRooms'> = async ({ req, res, ctx, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const done = ctx.rooms.reorder(body.value);
  if (!done.ok) return sendError(res, done.error);
  answer({ ok: true, rooms: done.rooms });
};

/**
 * `POST /api/v1/rooms/<id>/room/tokens/rotate {role}` (the producer, or the room's own control token in its room): a new token for one of the room's
 * own roles; the old one is refused from now on and the room's sockets that used it are disconnected.
 */
export const rotateRoomToken: Handler<'rotateRoomToken'> = async ({ req, res, ctx, room, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const rotated = ctx.rooms.rotate(room, body.value);
  if (!rotated.ok) return sendError(res, rotated.error);
  answer({ ok: true, room, role: rotated.role, token: rotated.token, disconnected: rotated.disconnected });
};
