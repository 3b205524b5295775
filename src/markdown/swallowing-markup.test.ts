// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { removeSwallowingMarkup } from './swallowing-markup';

describe('removeSwallowingMarkup', () => {
  test('keeps formatting markup and plain text as they are', () => {
    const html =
      '<p>a <b title="x > y">b</b> <a href="https://example.com">c</a><br/></p>\n<details open><summary>s</summary></details>';
    expect(removeSwallowingMarkup(html)).toBe(html);
  });

  test.each(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title'])(
    'removes a closed <%s> with its content',
    (name) => {
      expect(removeSwallowingMarkup(`<p>a <${name} x="1">b < c</${name} > d</p>`)).toBe('<p>a  d</p>');
    },
  );

  test('removes only the start tag of a raw-text element left open', () => {
    expect(removeSwallowingMarkup('<p>a <style><b>b</b></p>')).toBe('<p>a <b>b</b></p>');
  });

  test.each(['svg', 'math', 'template', 'plaintext'])('removes the tags of <%s> and keeps its content', (name) => {
    expect(removeSwallowingMarkup(`<p>a <${name} onload="x"><i>b</i></${name}> c</p>`)).toBe('<p>a <i>b</i> c</p>');
  });

  test('matches tag names in any case, up to where HTML ends them', () => {
    expect(removeSwallowingMarkup('<SVG/onload=x>a<Svg\tx>b<svgx>c')).toBe('ab<svgx>c');
  });

  test('removes comments and what HTML parses as comments', () => {
    expect(removeSwallowingMarkup('a<!-- b -->c<!-->d<!--e--!>f<![CDATA[g]]>h<?i?>j</ k>l</>m')).toBe('acdfhjlm');
  });

  test('does not take a tag name inside an attribute value for a tag', () => {
    const html = '<p title="<svg>" data-x=\'<style>\'>a</p><x y=<style>b';
    expect(removeSwallowingMarkup(html)).toBe(html);
  });

  test('writes a < that starts no complete tag as &lt;, so it cannot swallow what follows', () => {
    expect(removeSwallowingMarkup('<p>a < b <i title="open>c</i></p>')).toBe('<p>a &lt; b &lt;i title="open>c</i></p>');
    expect(removeSwallowingMarkup('a <!-- never closed')).toBe('a &lt;!-- never closed');
  });
});

describe("event-handler and style attributes (issue 10: parsing them filled the host page's CSP reports)", () => {
  test('go from every tag before the HTML is parsed, the other attributes kept', () => {
    const html =
      '<p>a <img src=x onerror=__xss() alt="x"> <b style="color:red" title="on style">b</b> <i\tONMOUSEOVER = "y"/STYLE=\'z\' lang=en>c</i></p>';
    expect(removeSwallowingMarkup(html)).toBe(
      '<p>a <img src=x alt="x"> <b title="on style">b</b> <i lang=en>c</i></p>',
    );
  });

  test('twenty handlers and twenty styles leave none', () => {
    const html = Array.from(
      { length: 20 },
      (_, n) => `<img src=x onerror=__xss(${n})><span style="position:fixed">${n}</span>`,
    ).join('');
    expect(removeSwallowingMarkup(html)).not.toMatch(/onerror|style/);
  });

  test('never join the attribute after a dropped quoted value to the tag name', () => {
    expect(removeSwallowingMarkup('<b onclick="x"title=y>z</b>')).toBe('<b title=y>z</b>');
  });

  test('keep attributes whose names only start like them', () => {
    expect(removeSwallowingMarkup('<td styles="x" data-on="y">z</td>')).toBe('<td styles="x" data-on="y">z</td>');
  });
});
