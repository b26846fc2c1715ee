// The one place the lessons touch the page's address: the fragment a page was opened with, the
// fragment kept in step with the open lesson (replacing the history entry, so Back still leaves
// podpath), and the full address of a fragment. (The share links' own location module takes
// this over when lessons travel through the share codec.)
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

export function onFragmentChange(open: (fragment: string) => void): () => void {
  const listener = () => open(window.location.hash);
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function linkTo(fragment: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${fragment}`;
}

/** Whether the page was opened to be embedded (?embed): one lesson or one trace, without the app's chrome. */
export function isEmbedded(): boolean {
  return new URLSearchParams(window.location.search).has('embed');
}
