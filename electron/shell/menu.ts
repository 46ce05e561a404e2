import type { MenuItemConstructorOptions } from 'electron';
import type { View } from '../../shared/contract/http';
import type { RoomInfo } from '../../shared/contract/rooms';
import type { ScreenDisplay } from './displays';
import type { SessionAction } from './session-commands';
import type { ShellKey, ShellStrings } from './strings';

/**
 * Keyboard shortcuts. Every one that involves a typing key carries Ctrl (Cmd on macOS), so none
 * can fire while someone types a message or edits the agenda. None may be a key a view uses
 * itself (the booth saves with Ctrl/Cmd+Enter), nor the system's zoom (Ctrl/Cmd with =, - or 0):
 * tests/electron/shell/accelerators.test.ts checks every one against the views' keys. ±1 minute
 * have none: in the console they are = and − (moderator/keyboard/shortcut-keys.ts).
 */
export const ACCELERATORS = {
  moderator: 'CommandOrControl+Shift+M',
  speaker: 'CommandOrControl+Shift+S',
  booth: 'CommandOrControl+Shift+B',
  start: 'CommandOrControl+Shift+Enter',
  pause: 'CommandOrControl+.',
  next: 'CommandOrControl+]',
  previous: 'CommandOrControl+[',
  quit: 'CommandOrControl+Q',
} as const satisfies Partial<Record<View | SessionAction | 'quit', string>>;

/** The speaker monitor's full screen: each system's own full-screen key. */
export const fullscreenAccelerator = (platform: NodeJS.Platform): string => (platform === 'darwin' ? 'Control+Command+F' : 'F11');

export interface MenuModel {
  strings: ShellStrings;
  platform: NodeJS.Platform;
  /** Which Session items apply now (sessionAvailability). */
  session: Record<SessionAction, boolean>;
  /** The moderator's window has the focus: Session items act there only (never from the booth). */
  moderatorFocused: boolean;
  displays: readonly ScreenDisplay[];
  primaryDisplayId: number;
  speakerOpen: boolean;
  speakerFullscreen: boolean;
  /** The event's rooms, `main` first (RoomRegistry.list()): each gets its Console, Speaker monitor and Booth. */
  rooms: readonly RoomInfo[];
}

export interface MenuActions {
  session(action: SessionAction): void;
  /** Opens a room's window (`main`'s when no room is named). */
  openWindow(view: View, room?: string): void;
  /** A room's speaker monitor (`main`'s when no room is named) full screen on a display. */
  speakerOn(displayId: number, room?: string): void;
  toggleSpeakerFullscreen(): void;
  importAgenda(): void;
  exportAgenda(): void;
  exportReport(): void;
  about(): void;
  openDataDir(): void;
  quit(): void;
}

const SESSION_LABELS: Record<SessionAction, ShellKey> = {
  start: 'shell.menu.start',
  pause: 'shell.menu.pause',
  next: 'shell.menu.next',
  previous: 'shell.menu.previous',
  plusMinute: 'shell.menu.plusMinute',
  minusMinute: 'shell.menu.minusMinute',
};

const WINDOW_LABELS: Record<View, ShellKey> = {
  moderator: 'shell.menu.moderator',
  speaker: 'shell.menu.speaker',
  booth: 'shell.menu.booth',
};

/** The application menu: File, Edit, Session, Windows, Help (and the app menu on macOS). */
export function menuTemplate(model: MenuModel, actions: MenuActions): MenuItemConstructorOptions[] {
  const { t } = model.strings;
  const mac = model.platform === 'darwin';

  const sessionItem = (action: SessionAction, separatorBefore = false): MenuItemConstructorOptions[] => [
    ...(separatorBefore ? [{ type: 'separator' as const }] : []),
    {
      id: `session.${action}`,
      label: t(SESSION_LABELS[action]),
      ...(action in ACCELERATORS ? { accelerator: ACCELERATORS[action as keyof typeof ACCELERATORS] } : {}),
      enabled: model.session[action] && model.moderatorFocused,
      click: () => actions.session(action),
    },
  ];

  const windowItem = (view: View): MenuItemConstructorOptions => ({
    id: `window.${view}`,
    label: t(WINDOW_LABELS[view]),
    accelerator: ACCELERATORS[view],
    click: () => actions.openWindow(view),
  });

  /** The display picker's items, for `main` (ids `display.<id>`) or another room (`room.<room>.display.<id>`). */
  const displayItemsFor = (room?: string): MenuItemConstructorOptions[] => model.displays.map((d, i) => ({
    id: room === undefined ? `display.${d.id}` : `room.${room}.display.${d.id}`,
    label: t(d.id === model.primaryDisplayId ? 'shell.menu.displayPrimary' : 'shell.menu.display', {
      n: i + 1,
      label: d.label || '—',
      width: d.bounds.width,
      height: d.bounds.height,
    }),
    click: () => (room === undefined ? actions.speakerOn(d.id) : actions.speakerOn(d.id, room)),
  }));
  const displayItems = displayItemsFor();

  /** One room's submenu, named in the UI language: its Console, Speaker monitor and Booth, and its display picker. */
  const roomItem = (room: RoomInfo): MenuItemConstructorOptions => {
    const roomDisplays = displayItemsFor(room.id);
    const open = (view: View, label: ShellKey): MenuItemConstructorOptions => ({ id: `room.${room.id}.${view}`, label: t(label), click: () => actions.openWindow(view, room.id) });
    return {
      id: `room.${room.id}`,
      label: room.name[model.strings.language],
      submenu: [
        open('moderator', 'shell.menu.roomConsole'),
        open('speaker', 'shell.menu.speaker'),
        open('booth', 'shell.menu.roomBooth'),
        { type: 'separator' },
        { id: `room.${room.id}.speakerOnDisplay`, label: t('shell.menu.speakerOnDisplay'), submenu: roomDisplays, enabled: roomDisplays.length > 0 },
      ],
    };
  };
  const roomItems: MenuItemConstructorOptions[] =
    model.rooms.length === 0 ? [] : [{ type: 'separator' }, { id: 'windows.rooms', label: t('shell.menu.rooms'), enabled: false }, ...model.rooms.map(roomItem)];

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Rostrum',
          submenu: [
            { id: 'help.about', label: t('shell.menu.about'), click: () => actions.about() },
            { type: 'separator' },
            { role: 'hide', label: t('shell.menu.hide') },
            { role: 'hideOthers', label: t('shell.menu.hideOthers') },
            { role: 'unhide', label: t('shell.menu.showAll') },
            { type: 'separator' },
            { id: 'app.quit', label: t('shell.menu.quit'), accelerator: ACCELERATORS.quit, click: () => actions.quit() },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    {
      id: 'file',
      label: t('shell.menu.file'),
      submenu: [
        { id: 'file.importAgenda', label: t('shell.menu.importAgenda'), click: () => actions.importAgenda() },
        { id: 'file.exportAgenda', label: t('shell.menu.exportAgenda'), click: () => actions.exportAgenda() },
        { id: 'file.exportReport', label: t('shell.menu.exportReport'), click: () => actions.exportReport() },
        ...(mac
          ? [{ type: 'separator' as const }, { role: 'close' as const, label: t('shell.menu.close') }]
          : [
              { type: 'separator' as const },
              { id: 'app.quit', label: t('shell.menu.quit'), accelerator: ACCELERATORS.quit, click: () => actions.quit() },
            ]),
      ],
    },
    {
      id: 'edit',
      label: t('shell.menu.edit'),
      submenu: [
        { role: 'undo', label: t('shell.menu.undo') },
        { role: 'redo', label: t('shell.menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('shell.menu.cut') },
        { role: 'copy', label: t('shell.menu.copy') },
        { role: 'paste', label: t('shell.menu.paste') },
        { role: 'selectAll', label: t('shell.menu.selectAll') },
      ],
    },
    {
      id: 'view',
      label: t('shell.menu.view'),
      submenu: [
        // Everyone's zoom keys. Chromium keeps one zoom per origin: all three windows follow.
        { role: 'zoomIn', label: t('shell.menu.zoomIn'), accelerator: 'CommandOrControl+=' },
        { role: 'zoomIn', label: t('shell.menu.zoomIn'), accelerator: 'CommandOrControl+Plus', visible: false },
        { role: 'zoomOut', label: t('shell.menu.zoomOut'), accelerator: 'CommandOrControl+-' },
        { role: 'resetZoom', label: t('shell.menu.resetZoom'), accelerator: 'CommandOrControl+0' },
      ],
    },
    {
      id: 'session',
      label: t('shell.menu.session'),
      submenu: [
        ...sessionItem('start'),
        ...sessionItem('pause'),
        ...sessionItem('next', true),
        ...sessionItem('previous'),
        ...sessionItem('plusMinute', true),
        ...sessionItem('minusMinute'),
      ],
    },
    {
      id: 'windows',
      label: t('shell.menu.windows'),
      // macOS: this is the Window menu (its list of windows, Cmd+M), as the windowMenu role makes it.
      ...(mac ? { role: 'windowMenu' as const } : {}),
      submenu: [
        windowItem('moderator'),
        windowItem('speaker'),
        windowItem('booth'),
        { type: 'separator' },
        { id: 'windows.speakerOnDisplay', label: t('shell.menu.speakerOnDisplay'), submenu: displayItems, enabled: displayItems.length > 0 },
        {
          id: 'windows.speakerFullscreen',
          label: t('shell.menu.speakerFullScreen'),
          type: 'checkbox',
          checked: model.speakerFullscreen,
          enabled: model.speakerOpen,
          accelerator: fullscreenAccelerator(model.platform),
          click: () => actions.toggleSpeakerFullscreen(),
        },
        ...roomItems,
        ...(mac
          ? [
              { type: 'separator' as const },
              { role: 'minimize' as const, label: t('shell.menu.minimize') },
              { role: 'zoom' as const, label: t('shell.menu.zoom') },
              { role: 'front' as const, label: t('shell.menu.front') },
            ]
          : []),
      ],
    },
    {
      id: 'help',
      label: t('shell.menu.help'),
      role: 'help',
      submenu: [
        ...(mac ? [] : [{ id: 'help.about', label: t('shell.menu.about'), click: () => actions.about() }]),
        { id: 'help.openDataDir', label: t('shell.menu.openDataDir'), click: () => actions.openDataDir() },
      ],
    },
  ];
}
