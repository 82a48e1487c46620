import { useState, type ReactNode } from 'react';

/**
 * A <details> whose content is rendered only once it is opened: a dashboard holds hundreds of
 * tables (every indicator's measurements, every chart's numbers) and drawing them all closed
 * would cost more than the charts themselves.
 */
export function Disclosure({ summary, className, children }: { summary: ReactNode; className?: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
