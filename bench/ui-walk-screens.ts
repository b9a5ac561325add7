/**
 * What "usable" means on each screen of the ui-walk benchmark (bench/ui-walk.ts), and the page-side
 * check of it. A screen is usable when, inside <main>: its heading (h1) is there, no loading
 * indicator is left (QueryState's and Suspense's `.state` "Memuat…"/"…", or `aria-busy`), no
 * QueryState error is shown, and each selector of the screen's content matches (its first data row,
 * form field or main figure). A screen not listed here (a new menu entry) gets DEFAULT_CONTENT.
 */

/** Any of: a data row, a form field, a figure card, a definition list, a chart, a product, an empty-state answer. */
const DEFAULT_CONTENT = [
  'table tbody tr, input, select, textarea, .card, dl, svg, button.product, .state:not(.error)',
];

/** By route (a cooperative's id as `:id`): selectors that must all match. */
const CONTENT: Record<string, string[]> = {
  '/jaringan': ['table tbody tr'],
  '/pengiriman': ['table tbody tr'],
  '/gudang/stok': ['table tbody tr'],
  '/gudang/penerimaan': ['input, select', 'table tbody tr'],
  '/produk': ['table tbody tr'],
  '/penagihan': ['table tbody tr'],
  '/utang-usaha': ['table tbody tr'],
  '/risiko': ['table tbody tr'],
  '/subsidi': ['table tbody tr'],
  '/program': ['table tbody tr'],
  '/het': ['table tbody tr'],
  '/organisasi': ['table tbody tr'],
  '/pengguna': ['table tbody tr'],
  '/tugas': ['dl'],
  '/audit': ['table tbody tr, .state:not(.error)'],
  '/wilayah': ['.card', 'table tbody tr'],
  '/pelatihan': ['table tbody tr, .state:not(.error)'],
  '/koperasi/:id': ['.card'],
  '/koperasi/:id/kasir': ['button.product'],
  '/koperasi/:id/ambil': ['input'],
  '/koperasi/:id/buku': ['.books-headline, .card, table tbody tr'],
  '/koperasi/:id/anggota': ['table tbody tr'],
  '/koperasi/:id/qris': ['input'],
};

/** The route of a path: a cooperative's id replaced by `:id`. */
export function screenKey(pathname: string): string {
  return pathname.replace(/^\/koperasi\/[^/]+/, '/koperasi/:id');
}

export function contentOf(key: string): string[] {
  return CONTENT[key] ?? DEFAULT_CONTENT;
}

/**
 * Added to every page (Playwright's addInitScript, a string: tsx would wrap a function with helpers
 * the page does not have). `__uwState(selectors)` says 'ready', 'wait' or the error shown; elements
 * marked `__uwOld` (the screen before a tap) do not count. On each page load, `__uwAt` is set to the
 * time since the navigation started at the first frame after the content became usable (`__uwError`
 * if an error showed instead).
 */
export const READY_SCRIPT = `(() => {
  const LOADING = /^(Memuat…|Loading…|…)$/;
  window.__uwState = (content) => {
    const main = document.querySelector('main');
    if (!main) return 'wait';
    const fresh = (el) => !el.__uwOld;
    const err = [...main.querySelectorAll('.state.error')].find(fresh);
    if (err) return 'error: ' + err.textContent.slice(0, 80);
    if (![...main.querySelectorAll('h1')].some(fresh)) return 'wait';
    for (const el of main.querySelectorAll('.state, [aria-busy=true]'))
      if (el.getAttribute('aria-busy') === 'true' || LOADING.test(el.textContent.trim())) return 'wait';
    return content.every((sel) => [...main.querySelectorAll(sel)].some(fresh)) ? 'ready' : 'wait';
  };
  const route = location.pathname.replace(/^\\/koperasi\\/[^/]+/, '/koperasi/:id');
  const content = ${JSON.stringify(CONTENT)}[route] ?? ${JSON.stringify(DEFAULT_CONTENT)};
  const o = new MutationObserver(() => {
    const s = window.__uwState(content);
    if (s === 'wait') return;
    o.disconnect();
    if (s !== 'ready') window.__uwError = s;
    else requestAnimationFrame(() => setTimeout(() => (window.__uwAt = performance.now()), 0));
  });
  o.observe(document, { subtree: true, childList: true, characterData: true });
})()`;
