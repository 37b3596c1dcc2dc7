import type { ReactNode, RefObject } from 'react';

interface ErrorAlertProps {
  children: ReactNode;
  /** Focus lands here when a form fails as a whole. */
  alertRef?: RefObject<HTMLDivElement | null>;
}

/** An error for the whole form or page, announced at once (role="alert"). */
export function ErrorAlert({ children, alertRef }: ErrorAlertProps) {
  return (
    <div className="utrecht-alert utrecht-alert--error od-alert" role="alert" tabIndex={-1} ref={alertRef}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/** The form's error alert when it has one. */
export function FormErrorAlert({
  message,
  alertRef,
}: {
  message: string | undefined;
  alertRef: RefObject<HTMLDivElement | null>;
}) {
  return message ? <ErrorAlert alertRef={alertRef}>{message}</ErrorAlert> : null;
}

interface NoticeProps {
  type: 'info' | 'ok' | 'warning';
  children: ReactNode;
}

/** A calm notice (done, good to know, take care). Put it inside a {@link LiveRegion} when it appears later. */
export function Notice({ type, children }: NoticeProps) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type} od-alert`}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/** A region that is always in the page, so what appears in it later is read out (role="status"). */
export function LiveRegion({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="od-live-region">
      {children}
    </div>
  );
}
