/** Relative luminance of an sRGB colour (WCAG 2). */
function luminance([r, g, b]: readonly number[]): number {
  const linear = (channel = 0) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

// A canvas normalises every CSS colour syntax to `#rrggbb` or `rgba(...)`; one serves all.
let context: CanvasRenderingContext2D | null | undefined;

/** The RGB channels of any CSS colour the browser knows, or undefined. */
export function parseColor(color: string): number[] | undefined {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.fillStyle = '#010203';
  context.fillStyle = color.trim();
  const normalised = context.fillStyle;
  if (normalised === '#010203' && color.trim().toLowerCase() !== '#010203') return undefined;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normalised);
  if (hex) return hex.slice(1).map((part) => parseInt(part, 16));
  return /rgba?\(([^)]+)\)/.exec(normalised)?.[1]?.split(',').slice(0, 3).map(Number);
}

/** The WCAG 2 contrast ratio of two CSS colours, from 1 to 21; undefined if either is unknown. */
export function contrastRatio(first: string, second: string): number | undefined {
  const a = parseColor(first);
  const b = parseColor(second);
  if (!a || !b) return undefined;
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}
