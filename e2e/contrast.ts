/** Parses the `rgb(r, g, b)` a computed style gives. */
export function channels(color: string): number[] {
  const match = /rgba?\((\d+), (\d+), (\d+)/.exec(color);
  if (!match) throw new Error(`Not an rgb() colour: ${color}`);
  return match.slice(1, 4).map(Number);
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
