import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { AUDIENCE_PATH, PAGE_VIEWS, type PageView } from '../../shared/contract/http';
import { apiError } from '../../shared/contract/errors';
import { OVERVIEW_PATH, splitRoomViewPath } from '../../shared/contract/rooms';
import { isLoopback, sendError } from './http-util';
import { VIEW_HEADERS } from './security-headers';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.webm': 'audio/webm',
  '.map': 'application/json',
};

/** Serves the built renderer: one HTML page per view, hashed assets under /assets/. */
export function staticViews(rendererDir: string) {
  const viewFile = (view: PageView) => join(rendererDir, `${view}.html`);

  function sendFile(res: ServerResponse, file: string, immutable: boolean, method: string): void {
    const stat = statSync(file);
    res.writeHead(200, {
      ...VIEW_HEADERS,
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  /** Returns false when the path is not a view or asset. */
  return function serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (pathname === '/') {
      res.writeHead(302, { location: '/moderator' });
      res.end();
      return true;
    }
    // `/r/<id>/<view>`: the same bundles, which read the room from the path (#18, docs/rooms.md).
    const inRoom = splitRoomViewPath(pathname);
    if (inRoom) pathname = inRoom.path;
    // The audience page is the speaker view's bundle, which renders it at this path.
    const view = pathname === AUDIENCE_PATH || pathname === `${AUDIENCE_PATH}/` ? 'speaker' : PAGE_VIEWS.find((v) => pathname === `/${v}` || pathname === `/${v}/`);
    // The producer's overview of every room (#18): its own page, not a role's view.
    if (pathname === OVERVIEW_PATH || pathname === `${OVERVIEW_PATH}/`) {
      const file = join(rendererDir, 'overview.html');
      if (!existsSync(file)) sendError(res, apiError('not-found', 'the overview is not built: run "npm run build"'));
      else sendFile(res, file, false, method);
      return true;
    }
    if (view) {
      if (!existsSync(viewFile(view))) {
        sendError(res, apiError('not-found', `the ${view} view is not built: run "npm run build"`));
        return true;
      }
      sendFile(res, viewFile(view), false, method);
      return true;
    }
    if (pathname.startsWith('/assets/') || pathname === '/favicon.ico' || pathname.startsWith('/sounds/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return false;
      }
      // Source maps hold the whole source: for a debugger on this machine only. (Packaged builds
      // carry none: electron-builder.yml leaves out every *.map.)
      if (decoded.endsWith('.map') && !isLoopback(req.socket.remoteAddress)) return false;
      const file = normalize(join(rendererDir, decoded));
      if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
      sendFile(res, file, pathname.startsWith('/assets/'), method);
      return true;
    }
    return false;
  };
}
