import { describe, expect, it } from 'vitest';
import { checkCss, checkLogo } from '../../../electron/branding/logo-check';
import { makePng } from '../../fixtures/branding/make-png';

const svg = (attrs: string, body = '<rect width="10" height="10"/>') => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`);
const refusal = (bytes: Buffer) => {
  const r = checkLogo(bytes);
  return r.ok ? null : r.error.message;
};

describe('checkLogo', () => {
  it('reads a PNG\'s size from its header, whatever the file is called', () => {
    expect(checkLogo(makePng(300, 90))).toEqual({ ok: true, type: 'png', width: 300, height: 90 });
    expect(refusal(makePng(4097, 10))).toBe('logo: the image is 4097×10 pixels; at most 4096×4096');
  });

  it('reads an SVG\'s size from width and height, or its viewBox', () => {
    expect(checkLogo(svg('width="240px" height="80"'))).toMatchObject({ ok: true, type: 'svg', width: 240, height: 80 });
    expect(checkLogo(svg('viewBox="0 0 512 128"'))).toMatchObject({ ok: true, width: 512, height: 128 });
    expect(checkLogo(Buffer.from(`\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n${svg('viewBox="0 0 10 10"').toString()}`))).toMatchObject({ ok: true, type: 'svg' });
    expect(refusal(svg('width="50%" height="10"'))).toBe('logo: the SVG must give its size (width and height, or a viewBox)');
  });

  it('keeps internal references and embedded pictures, refuses whatever runs or reaches out', () => {
    expect(checkLogo(svg('viewBox="0 0 10 10"', '<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>')).ok).toBe(true);
    for (const [body, what] of [
      ['<script>alert(1)</script>', 'a script'],
      ['<SCRIPT >x</SCRIPT>', 'a script'],
      ['<rect onclick="x()"/>', 'an event handler'],
      ['<a href="javascript:alert(1)"><text>x</text></a>', 'a javascript: link'],
      ['<foreignObject><div/></foreignObject>', 'an embedded document'],
      ['<animate attributeName="href" to="x"/>', 'an embedded document or animation'],
      ['<use xlink:href="https://evil.example/a.svg#x"/>', 'a link to another file or site'],
      ['<image href="data:image/svg+xml;base64,PHN2Zz4="/>', 'a link to another file or site'],
      ['<style>@import "https://evil.example/x.css";</style>', 'a reference to another file or site'],
      ['<rect style="fill:url(https://evil.example/x)"/>', 'a reference to another file or site'],
    ] as const) {
      expect(refusal(svg('viewBox="0 0 10 10"', body)), body).toContain(`the SVG holds ${what}`);
    }
    expect(refusal(Buffer.from('<!DOCTYPE svg [<!ENTITY x "y">]><svg viewBox="0 0 1 1"/>'))).toBe('logo: must be a PNG or SVG file');
  });

  it('refuses anything else, naming the field', () => {
    expect(refusal(Buffer.alloc(0))).toBe('logo: the file is empty');
    expect(refusal(Buffer.from('GIF89a'))).toBe('logo: must be a PNG or SVG file');
    expect(checkLogo(Buffer.alloc(600 * 1024, 0x20))).toMatchObject({ ok: false, error: { code: 'too-large', path: 'logo' } });
  });
});

describe('checkCss', () => {
  it('takes UTF-8 CSS within the limit, refuses HTML, binary and too large', () => {
    expect(checkCss(Buffer.from('.brand-slot { gap: 1rem; }'), 1024)).toBeNull();
    expect(checkCss(Buffer.from('</style><script>x</script>'), 1024)).toMatchObject({ code: 'invalid', path: 'css' });
    expect(checkCss(Buffer.from([0xff, 0xfe, 0x00]), 1024)).toMatchObject({ code: 'invalid', path: 'css' });
    expect(checkCss(Buffer.alloc(2048, 0x61), 1024)).toMatchObject({ code: 'too-large', path: 'css' });
  });
});
