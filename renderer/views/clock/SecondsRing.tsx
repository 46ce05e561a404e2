/** Sixty marks round the face, lit up to the current second (0–59), as on a broadcast studio clock. */
export function SecondsRing({ second }: { second: number }) {
  const marks = Array.from({ length: 60 }, (_, i) => {
    const angle = (i / 60) * 2 * Math.PI;
    const x = 50 + 46 * Math.sin(angle);
    const y = 50 - 46 * Math.cos(angle);
    return <circle key={i} cx={x} cy={y} r={i % 5 === 0 ? 1.6 : 1.1} className="ring__mark" data-lit={i <= second} />;
  });
  return (
    <svg className="ring" viewBox="0 0 100 100" aria-hidden="true" data-testid="clock-ring" data-second={second}>
      {marks}
    </svg>
  );
}
