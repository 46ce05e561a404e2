// Types for generate-icons.mjs (plain JS so it runs with no dependencies), for the TypeScript tests.

export const ICON_DIR: string;
export const PNG_SIZES: readonly number[];
export const ICO_SIZES: readonly number[];
export const ICNS_TYPES: readonly (readonly [string, number])[];
export const PNG_SIGNATURE: Buffer;
export function renderIcon(size: number): Buffer;
export function crc32(bytes: Uint8Array): number;
export function encodePng(rgba: Buffer, width: number, height: number): Buffer;
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer;
export function encodeIcns(entries: readonly { type: string; png: Buffer }[]): Buffer;
export function iconFiles(): Map<string, Buffer>;
