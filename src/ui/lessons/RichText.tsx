// A lesson's text as a learner reads it: paragraphs split at blank lines, `code` in backticks
// set in monospace. Built from text nodes only: a lesson from a link is data, never markup.
import { Fragment } from 'react';

function Inline({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((p, i) => (p.startsWith('`') && p.endsWith('`') && p.length > 2 ? <code key={i}>{p.slice(1, -1)}</code> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}

export function RichText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.trim().split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' '));
  return (
    <div className={className}>
      {paragraphs.map((p, i) => <p key={i}><Inline text={p} /></p>)}
    </div>
  );
}

export { Inline as InlineText };
