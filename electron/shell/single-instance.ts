import { app } from 'electron';

/**
 * One Rostrum per user: a second start (double click on the icon, `npm start` twice) hands over
 * to the first — which brings its moderator window forward — and quits before it opens anything
 * or touches the data dir. Returns false in that second process.
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}
