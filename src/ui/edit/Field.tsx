// A labelled form field with its problem said next to it as the learner types (aria-invalid,
// and the message tied to the field by aria-describedby).
import { useId, type ReactNode } from 'react';

export function Field({ label, error, hint, children }: { label: string; error?: string | null; hint?: string; children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const note = `${id}-note`;
  const described = error || hint ? note : undefined;
  return (
    <div className={`pp-field${error ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
      {(error || hint) && <p id={note} className={error ? 'pp-field-error' : 'pp-field-hint'}>{error ?? hint}</p>}
    </div>
  );
}
