import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslate } from '../i18n/use-translate.ts';

/**
 * The page's one h1; sets the document title. It can take focus (tabIndex -1) because the app shell
 * moves focus to it after every route change, so screen-reader users hear where they are.
 */
export function PageHeading({ children }: { children: string }) {
  const t = useTranslate();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${children} – ${appName}`;
  }, [children, appName]);
  return (
    <h1 className="nl-heading nl-heading--level-1" tabIndex={-1}>
      {children}
    </h1>
  );
}

interface SectionHeadingProps {
  level: 2 | 3;
  children: ReactNode;
  id?: string;
  /** Move focus here when it appears (a step that replaces the one the user was in). */
  focusOnMount?: boolean;
  /** Move focus here each time this number goes up (what the user was on has gone away). */
  focusRequest?: number;
}

/** An h2 or h3 in the NL Design System style. */
export function SectionHeading({ level, children, id, focusOnMount = false, focusRequest = 0 }: SectionHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount || focusRequest > 0) ref.current?.focus();
  }, [focusOnMount, focusRequest]);
  const Tag = level === 2 ? 'h2' : 'h3';
  const focusable = focusOnMount || focusRequest > 0;
  return (
    <Tag ref={ref} id={id} className={`nl-heading nl-heading--level-${level}`} tabIndex={focusable ? -1 : undefined}>
      {children}
    </Tag>
  );
}
