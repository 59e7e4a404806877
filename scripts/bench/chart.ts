/** An SVG line chart of build time against pages, readable without colour (markers differ). */

/** One series of (pages, seconds) points. */
export interface Series {
  label: string;
  points: [number, number][];
  colour: string;
  marker: 'circle' | 'square';
}

/** A self-contained, accessible SVG (title and description) of the series. */
export function buildTimeChart(series: Series[], title: string): string {
  const width = 640;
  const height = 360;
  const pad = { left: 64, right: 24, top: 40, bottom: 56 };
  const all = series.flatMap((s) => s.points);
  const maxX = Math.max(...all.map((p) => p[0]), 1);
  const maxY = Math.max(...all.map((p) => p[1]), 1);
  const x = (v: number) => pad.left + (v / maxX) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const grid = ticks
    .map((t) => `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(t * maxY)}" y2="${y(t * maxY)}" stroke="#ddd"/><text x="${pad.left - 8}" y="${y(t * maxY) + 4}" text-anchor="end" font-size="12">${(t * maxY).toFixed(0)} s</text>`)
    .join('');
  const xTicks = ticks.map((t) => `<text x="${x(t * maxX)}" y="${height - pad.bottom + 18}" text-anchor="middle" font-size="12">${Math.round(t * maxX)}</text>`).join('');
  const lines = series
    .map((s, i) => {
      const path = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ');
      const markers = s.points
        .map((p) => (s.marker === 'circle' ? `<circle cx="${x(p[0])}" cy="${y(p[1])}" r="4" fill="${s.colour}"/>` : `<rect x="${x(p[0]) - 4}" y="${y(p[1]) - 4}" width="8" height="8" fill="${s.colour}"/>`))
        .join('');
      const legend = `<text x="${pad.left + 8}" y="${pad.top + 16 * i}" font-size="13" fill="${s.colour}">${s.marker === 'circle' ? '●' : '■'} ${s.label}</text>`;
      return `<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="2"/>${markers}${legend}`;
    })
    .join('');
  const description = series.map((s) => `${s.label}: ${s.points.map((p) => `${p[0]} pages in ${p[1].toFixed(1)} s`).join(', ')}`).join('. ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif">
<title id="t">${title}</title><desc id="d">${description}</desc>
<rect width="100%" height="100%" fill="#fff"/>${grid}${xTicks}
<text x="${(width + pad.left) / 2}" y="${height - 12}" text-anchor="middle" font-size="13">pages built</text>
${lines}</svg>
`;
}
