import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { defineRule } from '../rule.ts';
import { unsafeScheme } from '../url-scheme.ts';

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href']);

// A local image is imported by the build as a module, and Vite reads a query (`?raw`), a hash and
// percent-escapes in its path: only plain names of raster images below the page. SVG files are left out
// because the site would publish their scripts on its own origin.
const LOCAL_IMAGE = /^(?:\.\/)?(?:[\w-]+\/)*[\w-]+\.(?:png|jpe?g|gif|webp|avif)$/i;
const REMOTE = /^https?:\/\//i;

/** Why a Markdown image's URL may not be imported by the build, or null: it is remote, or a plain image file name below the page. */
function unsafeImage(url: string): string | null {
  if (REMOTE.test(url) || unsafeScheme(url)) return null;
  if (/^[a-z][\w+.-]*:|^\/\//i.test(url)) return 'a URL scheme other than `https:`';
  return LOCAL_IMAGE.test(url) ? null : 'a local path other than the plain name of a PNG, JPEG, GIF, WebP or AVIF file below the page (no `..`, `%`, `?`, `#` or `.svg`)';
}

export default defineRule({
  id: 'unsafe-url',
  scope: 'body',
  messages: {
    scheme: 'Unexpected `{{scheme}}:` URL `{{url}}`, expected an `https:` or relative link. Such URLs run code or hide content when clicked; link to a page instead.',
    image:
      'Unexpected image `{{url}}`, {{why}}, expected an `https:` image or an image file named plainly beside the page or below it: the build imports local images as modules. Move the image next to the page and link it as `./chart.png`.',
  },
  check(plan, report) {
    const flag = (url: string, place: Parameters<typeof report>[0]['place']) => {
      const found = unsafeScheme(url);
      if (!found) return;
      report({ place, messageId: 'scheme', data: { scheme: found, url: url.slice(0, 60) }, actual: url });
    };
    const image = (url: string, place: Parameters<typeof report>[0]['place']) => {
      const why = unsafeImage(url);
      if (why) report({ place, messageId: 'image', data: { url: url.slice(0, 60), why }, actual: url });
    };
    // Definitions that images use are imported too.
    const imageLabels = new Set(plan.nodes.flatMap((node) => (node.type === 'imageReference' ? [node.identifier] : [])));
    for (const node of plan.nodes) {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') flag(node.url, node);
      if (node.type === 'image' || (node.type === 'definition' && imageLabels.has(node.identifier))) image(node.url, node);
      else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of (node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
          if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && URL_ATTRIBUTES.has(attribute.name.toLowerCase())) flag(attribute.value, node);
        }
      }
    }
  },
});
