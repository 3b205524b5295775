/**
 * The 0-255 channels of a computed colour: `rgb(r, g, b)`, or `color(srgb r g b)` (0-1)
 * for colours the stylesheet works out with relative colour syntax.
 */
export function channels(color: string): number[] {
  const rgb = /rgba?\((\d+), (\d+), (\d+)/.exec(color);
  if (rgb) return rgb.slice(1, 4).map(Number);
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(color);
  if (srgb) return srgb.slice(1, 4).map((channel) => Math.min(255, Math.max(0, Math.round(Number(channel) * 255))));
  throw new Error(`Not an sRGB colour: ${color}`);
}

/** The WCAG 2 contrast ratio of two computed colours. */
export function contrast(first: string, second: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = channels(color).map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [lighter = 0, darker = 0] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}
