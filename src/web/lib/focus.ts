/**
 * Where the keyboard's focus goes when the page under it changes, so it never falls to the
 * page's body: the page's heading after a navigation, the opener after a dialog closes.
 */

const DIALOG = '[role="dialog"], [aria-modal="true"]';

function pageHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>('#main-content h1');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading;
}

function isLost(element: Element | null): boolean {
  return !element || element === document.body || !element.isConnected;
}

/**
 * After a route change: focus the new page's h1 once it is there, unless the page has put the
 * focus somewhere of its own (a search field, a form's first field) or the person moved it.
 * Returns a cancel for the wait.
 */
export function focusPageHeading(): () => void {
  const from = document.activeElement;
  const main = document.getElementById('main-content');
  // The page being left may still be on screen while the next one loads: not its heading.
  const previous = pageHeading();
  const previousText = previous?.textContent;
  let acceptPrevious = false;
  let done = false;
  const stop = () => {
    done = true;
    observer.disconnect();
    window.clearTimeout(timer);
    window.clearTimeout(samePage);
    document.removeEventListener('pointerdown', stop, true);
    document.removeEventListener('keydown', stop, true);
  };
  const attempt = () => {
    if (done) return;
    const active = document.activeElement;
    const pageChoseFocus = active !== from && !isLost(active) && main?.contains(active);
    if (pageChoseFocus) return stop();
    const heading = pageHeading();
    if (!heading) return;
    const stale = heading === previous && heading.textContent === previousText;
    if (stale && !acceptPrevious) return;
    heading.focus({ preventScroll: true });
    stop();
  };
  const observer = new MutationObserver(attempt);
  if (main) observer.observe(main, { childList: true, subtree: true });
  // A page that never shows a heading (still loading after this long) keeps the focus as is.
  const timer = window.setTimeout(stop, 10_000);
  // Two pages with the same heading can share its element: after a moment, it is this page's.
  const samePage = window.setTimeout(() => {
    acceptPrevious = true;
    attempt();
  }, 1_000);
  document.addEventListener('pointerdown', stop, true);
  document.addEventListener('keydown', stop, true);
  window.requestAnimationFrame(attempt);
  return stop;
}

/** The element that should get the focus back for `target`: a menu's item stands for its button. */
function opener(target: Element): HTMLElement | null {
  const menu = target.closest('[role="menu"]');
  if (menu?.id) {
    const button = document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`);
    if (button) return button;
  }
  return target instanceof HTMLElement ? target : null;
}

// Where the focus goes once the open dialogs are gone, when a step says so (a bulk result).
let afterDialogs: HTMLElement | null = null;

/**
 * Moves the focus to `element` (a step's result), now or, while a dialog is still open, as soon
 * as it has closed: the button that opened the dialog may be disabled by then, and the result
 * is what the person wants to hear next.
 */
export function focusAfterDialogs(element: HTMLElement | null): void {
  if (!element) return;
  if (document.querySelector(DIALOG)) afterDialogs = element;
  else element.focus({ preventScroll: false });
}

/**
 * Remembers what had the focus before a dialog (or a menu that opened one) took it, and gives it
 * back when the dialog is gone and the focus would otherwise fall to the body: Mantine returns it
 * only when a dialog closes, not when it is unmounted, nor to a menu item that is gone.
 */
export function installFocusReturn(): () => void {
  let lastOutside: HTMLElement | null = null;
  let returnTo: HTMLElement | null = null;

  function onFocusIn(event: FocusEvent) {
    const target = event.target;
    if (!(target instanceof Element)) return;
    if (target.closest(DIALOG)) {
      returnTo ??= lastOutside;
      return;
    }
    lastOutside = opener(target);
  }

  const observer = new MutationObserver(() => {
    if ((!returnTo && !afterDialogs) || document.querySelector(DIALOG)) return;
    if (afterDialogs?.isConnected) {
      afterDialogs.focus();
      afterDialogs = null;
      returnTo = null;
      return;
    }
    afterDialogs = null;
    const target = returnTo;
    returnTo = null;
    if (!target || !isLost(document.activeElement)) return;
    const usable =
      target.isConnected &&
      target.getClientRects().length > 0 &&
      !target.matches(':disabled, [data-disabled]');
    (usable ? target : pageHeading())?.focus({ preventScroll: true });
  });

  document.addEventListener('focusin', onFocusIn, true);
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    document.removeEventListener('focusin', onFocusIn, true);
    observer.disconnect();
  };
}
