/** Small line icons (Feather-style, MIT). Always decorative: the control around one names it. */
type Shape = [string, Record<string, string | number>];

const ICONS: Record<string, Shape[]> = {
  reply: [["polyline", { points: "9 17 4 12 9 7" }], [
    "path",
    { d: "M20 18v-2a4 4 0 0 0-4-4H4" },
  ]],
  boost: [
    ["polyline", { points: "17 1 21 5 17 9" }],
    ["path", { d: "M3 11V9a4 4 0 0 1 4-4h14" }],
    ["polyline", { points: "7 23 3 19 7 15" }],
    ["path", { d: "M21 13v2a4 4 0 0 1-4 4H3" }],
  ],
  star: [["polygon", {
    points:
      "12 2 15.09 8.26 22 9.27 17 14.14 18.18 21.02 12 17.77 5.82 21.02 7 14.14 2 9.27 8.91 8.26 12 2",
  }]],
  bookmark: [["path", {
    d: "M19 21l-7-5-7 5V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2z",
  }]],
  bell: [["path", { d: "M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9" }], [
    "path",
    { d: "M13.73 21a2 2 0 0 1-3.46 0" },
  ]],
  home: [["path", { d: "M3 9l9-7 9 7v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" }], [
    "polyline",
    { points: "9 22 9 12 15 12 15 22" },
  ]],
  globe: [
    ["circle", { cx: 12, cy: 12, r: 10 }],
    ["line", { x1: 2, y1: 12, x2: 22, y2: 12 }],
    ["path", {
      d: "M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z",
    }],
  ],
  users: [
    ["path", { d: "M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2" }],
    ["circle", { cx: 9, cy: 7, r: 4 }],
    ["path", { d: "M23 21v-2a4 4 0 0 0-3-3.87" }],
    ["path", { d: "M16 3.13a4 4 0 0 1 0 7.75" }],
  ],
  search: [["circle", { cx: 11, cy: 11, r: 8 }], [
    "line",
    { x1: 21, y1: 21, x2: 16.65, y2: 16.65 },
  ]],
  settings: [
    ["line", { x1: 4, y1: 21, x2: 4, y2: 14 }],
    ["line", { x1: 4, y1: 10, x2: 4, y2: 3 }],
    ["line", { x1: 12, y1: 21, x2: 12, y2: 12 }],
    ["line", { x1: 12, y1: 8, x2: 12, y2: 3 }],
    ["line", { x1: 20, y1: 21, x2: 20, y2: 16 }],
    ["line", { x1: 20, y1: 12, x2: 20, y2: 3 }],
    ["line", { x1: 1, y1: 14, x2: 7, y2: 14 }],
    ["line", { x1: 9, y1: 8, x2: 15, y2: 8 }],
    ["line", { x1: 17, y1: 16, x2: 23, y2: 16 }],
  ],
  user: [["path", { d: "M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2" }], [
    "circle",
    { cx: 12, cy: 7, r: 4 },
  ]],
  userPlus: [
    ["path", { d: "M16 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2" }],
    ["circle", { cx: 8.5, cy: 7, r: 4 }],
    ["line", { x1: 20, y1: 8, x2: 20, y2: 14 }],
    ["line", { x1: 23, y1: 11, x2: 17, y2: 11 }],
  ],
  lock: [["rect", { x: 3, y: 11, width: 18, height: 11, rx: 2, ry: 2 }], [
    "path",
    { d: "M7 11V7a5 5 0 0 1 10 0v4" },
  ]],
  unlock: [["rect", { x: 3, y: 11, width: 18, height: 11, rx: 2, ry: 2 }], [
    "path",
    { d: "M7 11V7a5 5 0 0 1 9.9-1" },
  ]],
  mail: [
    ["path", {
      d: "M4 4h16c1.1 0 2 .9 2 2v12c0 1.1-.9 2-2 2H4c-1.1 0-2-.9-2-2V6c0-1.1.9-2 2-2z",
    }],
    ["polyline", { points: "22,6 12,13 2,6" }],
  ],
  hash: [
    ["line", { x1: 4, y1: 9, x2: 20, y2: 9 }],
    ["line", { x1: 4, y1: 15, x2: 20, y2: 15 }],
    ["line", { x1: 10, y1: 3, x2: 8, y2: 21 }],
    ["line", { x1: 16, y1: 3, x2: 14, y2: 21 }],
  ],
  arrowUp: [["line", { x1: 12, y1: 19, x2: 12, y2: 5 }], [
    "polyline",
    { points: "5 12 12 5 19 12" },
  ]],
  list: [
    ["line", { x1: 8, y1: 6, x2: 21, y2: 6 }],
    ["line", { x1: 8, y1: 12, x2: 21, y2: 12 }],
    ["line", { x1: 8, y1: 18, x2: 21, y2: 18 }],
    ["line", { x1: 3, y1: 6, x2: 3.01, y2: 6 }],
    ["line", { x1: 3, y1: 12, x2: 3.01, y2: 12 }],
    ["line", { x1: 3, y1: 18, x2: 3.01, y2: 18 }],
  ],
  compass: [
    ["circle", { cx: 12, cy: 12, r: 10 }],
    ["polygon", { points: "16.24 7.76 14.12 14.12 7.76 16.24 9.88 9.88" }],
  ],
  filter: [["polygon", { points: "22 3 2 3 10 12.46 10 19 14 21 14 12.46" }]],
  menu: [
    ["line", { x1: 3, y1: 6, x2: 21, y2: 6 }],
    ["line", { x1: 3, y1: 12, x2: 21, y2: 12 }],
    ["line", { x1: 3, y1: 18, x2: 21, y2: 18 }],
  ],
  image: [
    ["rect", { x: 3, y: 3, width: 18, height: 18, rx: 2, ry: 2 }],
    ["circle", { cx: 8.5, cy: 8.5, r: 1.5 }],
    ["polyline", { points: "21 15 16 10 5 21" }],
  ],
};

export type IconName = keyof typeof ICONS;

/**
 * Every icon as a `<symbol>` of one SVG file (served by routes/icons.svg.ts): a page refers to
 * it by `<use>` instead of repeating each icon's paths (a 20-post timeline shows ~90 icons,
 * 29 KB of its HTML when they were inline). The symbols carry no paint of their own: they
 * inherit fill and stroke from the `.icon` element's CSS (styles.css), so icons follow the
 * text colour and a pressed favourite can fill its star.
 */
export function iconSprite(): string {
  const symbols = Object.entries(ICONS).map(([name, shapes]) => {
    const body = shapes.map(([tag, attrs]) =>
      `<${tag} ${
        Object.entries(attrs).map(([k, v]) => `${k}="${v}"`).join(" ")
      }/>`
    ).join("");
    return `<symbol id="${name}" viewBox="0 0 24 24">${body}</symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join("")}</svg>`;
}

/** FNV-1a over the icon definitions: the sprite's URL changes exactly when an icon does. */
function versionOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** The same on the server and in islands, so hydration sees the same `href`. */
export const ICON_SPRITE_VERSION = versionOf(JSON.stringify(ICONS));

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <use href={`/icons.svg?v=${ICON_SPRITE_VERSION}#${name}`} />
    </svg>
  );
}
