// Over the graph: find a pod, a Service, a node or an address (the engine searches the whole
// cluster, the graph opens what holds the hit and flies to it), and the view's options:
// follow the packet, show the path only, hide the cluster's own objects, and which
// namespaces to show.
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SearchResult } from '../../engine';
import { useAppStore } from '../../store';
import { namespaceColor } from './namespaces';

function Search() {
  const { find, flyTo } = useAppStore(useShallow((s) => ({ find: s.find, flyTo: s.flyTo })));
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [listed, setListed] = useState(false);
  const id = useId();
  const go = (hit: SearchResult['hits'][number]) => { setListed(false); void flyTo(hit); };
  const onKeyDown = (e: KeyboardEvent) => { if (e.key === 'Escape') setListed(false); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = await find(query);
    if (!out) return;
    setResult(out);
    setListed(out.hits.length !== 1);
    // A single hit: go there at once.
    if (out.hits.length === 1) void flyTo(out.hits[0]!);
  };
  return (
    <form
      className="pp-search" role="search" aria-label="Find in the cluster" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}
      onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setListed(false); }}
      onFocus={() => { if (result && result.hits.length > 1) setListed(true); }}
    >
      <label htmlFor={`${id}-q`} className="pp-sr-only">Find a pod, Service, node or IP address</label>
      <input
        id={`${id}-q`} type="search" value={query} placeholder="Find a pod, Service or IP" autoComplete="off" spellCheck={false}
        onChange={(e) => { setQuery(e.target.value); if (e.target.value === '') { setResult(null); setListed(false); } }}
      />
      <button type="submit" className="pp-btn" disabled={query.trim() === ''}>Find</button>
      <p className="pp-sr-only" role="status">
        {result && (result.total === 0 ? `Nothing matches ${query}` : `${result.total} found${result.total > result.hits.length ? `, showing ${result.hits.length}` : ''}`)}
      </p>
      {listed && result && result.hits.length > 0 && (
        <ul className="pp-search-hits" aria-label="Search results">
          {result.hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="pp-search-hit" onClick={() => go(h)}>
                <span className="pp-name">{h.name}</span>
                <span className="pp-muted">{h.matched !== h.name.split(' ').at(-1) ? h.matched : ''}{h.node ? ` · on ${h.node}` : ''}</span>
              </button>
            </li>
          ))}
          {result.total > result.hits.length && <li className="pp-muted pp-search-more">{result.total - result.hits.length} more: type more of the name</li>}
        </ul>
      )}
      {listed && result && result.total === 0 && <p className="pp-search-none">Nothing matches “{query}”.</p>}
    </form>
  );
}

function ViewOptions() {
  const s = useAppStore(useShallow((st) => ({
    follow: st.follow, pathOnly: st.pathOnly, hideSystem: st.hideSystem, namespaces: st.namespaces, summary: st.summary, traced: st.trace !== null,
    setFollow: st.setFollow, setPathOnly: st.setPathOnly, setHideSystem: st.setHideSystem, setNamespaces: st.setNamespaces,
  })));
  const all = s.summary?.namespaces ?? [];
  const shown = (ns: string) => s.namespaces === null || s.namespaces.has(ns);
  const toggle = (ns: string) => {
    const next = new Set(s.namespaces ?? all.map((n) => n.name));
    if (next.has(ns)) next.delete(ns); else next.add(ns);
    s.setNamespaces(next.size === all.length ? null : next);
  };
  return (
    <details className="pp-view-options">
      <summary className="pp-btn">View</summary>
      <div className="pp-view-panel">
        <label className="pp-check"><input type="checkbox" checked={s.follow} onChange={(e) => s.setFollow(e.target.checked)} /> Follow the packet</label>
        <label className="pp-check">
          <input type="checkbox" checked={s.pathOnly} onChange={(e) => s.setPathOnly(e.target.checked)} /> Path only
          {!s.traced && <span className="pp-muted"> (after a send)</span>}
        </label>
        <label className="pp-check"><input type="checkbox" checked={s.hideSystem} onChange={(e) => s.setHideSystem(e.target.checked)} /> Hide system pods and Services</label>
        {all.length > 1 && (
          <fieldset className="pp-ns-filter">
            <legend>Namespaces</legend>
            {all.map((n) => (
              <label key={n.name} className="pp-check">
                <input type="checkbox" checked={shown(n.name)} onChange={() => toggle(n.name)} />
                <span className="pp-ns-swatch" style={{ background: namespaceColor(n.name) }} aria-hidden="true" />
                {n.name} <span className="pp-muted">{n.pods}</span>
              </label>
            ))}
            <button type="button" className="pp-btn pp-btn-quiet" onClick={() => s.setNamespaces(null)} disabled={s.namespaces === null}>Show all</button>
          </fieldset>
        )}
      </div>
    </details>
  );
}

export function GraphToolbar() {
  return (
    <div className="pp-graph-tools">
      <Search />
      <ViewOptions />
    </div>
  );
}
