import { useId, type ReactNode } from 'react';

/** A titled part of a screen, a landmark named by its heading (tests and screen readers find it by name). */
export function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-${id}`} className="part">
      <h2 id={`${uid}-${id}`}>{title}</h2>
      {children}
    </section>
  );
}
