import type { ReactNode } from 'react';

interface TableRegionProps {
  /** The id of the table's caption: names the region. */
  captionId: string;
  children: ReactNode;
}

/**
 * Lets a wide table scroll sideways on a tablet without the page doing so. The region is focusable so
 * keyboard users can scroll it too (WCAG 2.1.1), and named by the table's caption.
 */
export function TableRegion({ captionId, children }: TableRegionProps) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="od-table-region" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
