import { Marked, type Tokens } from 'marked';

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A link's target when it is http(s), mailto or tel; anything else (javascript:, data:, relative) is dropped. */
function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : undefined;
}

// One configured instance: the toolkit is edited by people, so raw HTML is shown as text, never run.
const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return token.block ? `<p>${escapeHtml(token.text.trim())}</p>\n` : escapeHtml(token.text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const inner = this.parser.parseInline(tokens);
      const target = safeHref(href);
      if (!target) return inner;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(target)}"${titleAttribute} rel="noopener noreferrer">${inner}</a>`;
    },
    image({ text }: Tokens.Image) {
      // Images would load from elsewhere (the back office's CSP forbids it anyway): show the alt text.
      return escapeHtml(text);
    },
  },
});

/** Markdown → HTML for toolkit pages: raw HTML escaped, links only to http(s), mailto and tel, no images. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
