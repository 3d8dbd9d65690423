/**
 * A small line chart, drawn by hand as SVG: p99 latency (y, log scale) against data size
 * (x, log scale, statuses), one line per series.
 */
import type { ChartPoint } from "./results.ts";

const W = 720, H = 420, L = 70, R = 200, T = 40, B = 50;
const COLORS = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#ff7f0e",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#bcbd22",
  "#7f7f7f",
  "#393b79",
  "#ad494a",
];
/** Floors (bare SQL, verify_credentials, SQL transactions) are drawn dashed. */
const isFloor = (name: string) => /SQL|verify_credentials/.test(name);

export function latencyChart(points: ChartPoint[], title: string): string {
  const series = [...new Set(points.map((p) => p.series))];
  const xs = points.map((p) => p.statuses), ys = points.map((p) => p.p99);
  const [x0, x1] = logRange(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = logRange(Math.min(...ys), Math.max(...ys));
  const px = (x: number) =>
    L + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - L - R);
  const py = (y: number) =>
    H - B - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * (H - T - B);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - R / 2}" y="22" text-anchor="middle" font-size="14">${
      escape(title)
    }</text>`,
  ];
  for (let e = Math.floor(y0); e <= y1; e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (Math.log10(v) < y0 || Math.log10(v) > y1) continue;
      out.push(
        `<line x1="${L}" x2="${W - R}" y1="${py(v)}" y2="${
          py(v)
        }" stroke="#ddd"/>`,
        `<text x="${L - 6}" y="${py(v) + 4}" text-anchor="end">${
          fmt(v)
        } ms</text>`,
      );
    }
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(
      `<line x1="${px(x)}" x2="${px(x)}" y1="${T}" y2="${
        H - B
      }" stroke="#eee"/>`,
      `<text x="${px(x)}" y="${H - B + 16}" text-anchor="middle">${
        sizeLabel(x)
      }</text>`,
    );
  }
  out.push(
    `<text x="${(L + W - R) / 2}" y="${
      H - 12
    }" text-anchor="middle">statuses in the database</text>`,
    `<text transform="translate(16 ${
      (T + H - B) / 2
    }) rotate(-90)" text-anchor="middle">p99 latency</text>`,
    `<rect x="${L}" y="${T}" width="${W - L - R}" height="${
      H - T - B
    }" fill="none" stroke="#333"/>`,
  );
  series.forEach((name, i) => {
    const color = COLORS[i % COLORS.length];
    const dash = isFloor(name) ? ` stroke-dasharray="6 4"` : "";
    const pts = points.filter((p) => p.series === name).sort((a, b) =>
      a.statuses - b.statuses
    );
    out.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${
        pts.map((p) => `${px(p.statuses).toFixed(1)},${py(p.p99).toFixed(1)}`)
          .join(" ")
      }"/>`,
      ...pts.map((p) =>
        `<circle cx="${px(p.statuses).toFixed(1)}" cy="${
          py(p.p99).toFixed(1)
        }" r="3" fill="${color}"/>`
      ),
      `<line x1="${W - R + 12}" x2="${W - R + 32}" y1="${
        T + 10 + i * 20
      }" y2="${T + 10 + i * 20}" ` +
        `stroke="${color}" stroke-width="2"${dash}/>`,
      `<text x="${W - R + 38}" y="${T + 14 + i * 20}">${escape(name)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

function logRange(min: number, max: number): [number, number] {
  const lo = Math.log10(min), hi = Math.log10(max);
  const pad = Math.max(0.15, (hi - lo) * 0.08);
  return [lo - pad, hi + pad];
}

export function sizeLabel(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

function fmt(v: number): string {
  return v >= 1 ? String(Math.round(v * 10) / 10) : v.toPrecision(1);
}

function escape(s: string): string {
  return s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
