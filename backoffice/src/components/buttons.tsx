import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { classNames } from './class-names.ts';

type Appearance = 'primary' | 'secondary' | 'subtle' | 'danger';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  appearance?: Appearance;
  /** Busy: stays focusable (aria-disabled, not disabled) so focus is not lost while waiting. */
  busy?: boolean;
  children: ReactNode;
}

const APPEARANCE_CLASS: Record<Appearance, string> = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
  danger: 'utrecht-button--secondary-action utrecht-button--danger',
};

/** An NL Design System button; `type` defaults to "button" so only explicit submits submit. */
export function Button({
  appearance = 'secondary',
  busy = false,
  type = 'button',
  children,
  onClick,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classNames('utrecht-button', APPEARANCE_CLASS[appearance], busy && 'utrecht-button--busy')}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
      {...props}
    >
      {children}
    </button>
  );
}

/** A row of buttons that wraps on narrow screens. */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="od-button-group">{children}</div>;
}
