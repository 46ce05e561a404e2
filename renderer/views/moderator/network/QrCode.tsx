import { useMemo } from 'react';
import { create } from 'qrcode';
import { QUIET_ZONE, qrPath } from './qr-path';

interface Props {
  text: string;
  label: string;
  testId: string;
}

/**
 * A QR code drawn as inline SVG (no data: URL, no inline style: the views' CSP stays as it is).
 * Error correction M: a tablet camera reads it off a laptop screen at arm's length.
 */
export function QrCode({ text, label, testId }: Props) {
  const { size, d } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    return { size: modules.size, d: qrPath(modules.size, (r, c) => modules.get(r, c) !== 0) };
  }, [text]);
  const box = size + 2 * QUIET_ZONE;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-text={text}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
