// The one module that touches window.location: reads the fragment a page was opened with,
// keeps the fragment in step with the page (replacing the history entry, so Back still leaves
// podpath), tells when the learner pastes another link into the address bar, builds the
// full link of a fragment, and says whether the page is embedded (?embed). Share links
// (#v1.…) and lesson links (#lesson/…) both go through it.
export function readFragment(): string {
  return window.location.hash;
}

/** Sets the fragment (null clears it) without adding a history entry or scrolling. */
export function writeFragment(fragment: string | null): void {
  const { pathname, search, hash } = window.location;
  const next = fragment === null ? '' : `#${fragment}`;
  if (hash === next) return;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${next}`);
}

/** Calls `open` with the new fragment when the learner changes it by hand; returns what stops listening. */
export function onFragmentChange(open: (fragment: string) => void): () => void {
  const listener = () => open(window.location.hash);
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The full address of this page with `fragment`. */
export function linkTo(fragment: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${fragment}`;
}

/** Whether the page was opened to be embedded (?embed): one lesson or one trace, without the app's chrome. */
export function isEmbedded(): boolean {
  return new URLSearchParams(window.location.search).has('embed');
}
