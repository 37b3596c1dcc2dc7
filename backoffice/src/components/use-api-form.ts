import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { ApiError } from '../api/api-client.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { errorText } from './error-text.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The state of one form: its errors (per field or for the whole form), whether it is busy, and ids. */
export interface ApiForm<F extends string> {
  fieldErrors: FieldErrors<F>;
  formError: string | undefined;
  busy: boolean;
  /** A stable, unique id for a field's input (labels and error messages hang on it). */
  fieldId: (field: F) => string;
  /** Put on the form's error alert: focus moves there when the error is not about one field. */
  alertRef: RefObject<HTMLDivElement | null>;
  /**
   * Runs `action` unless `clientErrors` has any; shows a failure next to its field (the API's `field`)
   * or at the top, and moves focus there. What was typed stays: the inputs are not touched.
   */
  submit: (action: () => Promise<void>, clientErrors?: FieldErrors<F>) => Promise<void>;
  /** Shows a message at the top of the form (for failures that are not an API answer). */
  showFormError: (message: string) => void;
}

/** Error handling and focus management shared by every form of the back office. */
export function useApiForm<F extends string>(fields: readonly F[]): ApiForm<F> {
  const t = useTranslate();
  const formId = useId();
  const alertRef = useRef<HTMLDivElement | null>(null);
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string>();
  const [focusRequest, setFocusRequest] = useState(0);

  const fieldId = (field: F) => `${formId}-${field}`;

  // After errors are rendered: focus the alert, or else the first field in error.
  useEffect(() => {
    if (focusRequest === 0) return;
    if (formError) {
      alertRef.current?.focus();
      return;
    }
    const first = fields.find((field) => fieldErrors[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
    // Only a new request moves focus (errors are read as rendered with it), so it is the only dependency.
  }, [focusRequest]);

  function showErrors(errors: FieldErrors<F>, message: string | undefined) {
    setFieldErrors(errors);
    setFormError(message);
    setFocusRequest((count) => count + 1);
  }

  async function submit(action: () => Promise<void>, clientErrors: FieldErrors<F> = {}) {
    if (busyRef.current) return;
    if (fields.some((field) => clientErrors[field])) {
      showErrors(clientErrors, undefined);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setFieldErrors({});
    setFormError(undefined);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.handled) return;
      const message = errorText(error, t);
      const field = error instanceof ApiError ? error.field : undefined;
      if (field && (fields as readonly string[]).includes(field))
        showErrors({ [field]: message } as FieldErrors<F>, undefined);
      else showErrors({}, message);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  return {
    fieldErrors,
    formError,
    busy,
    fieldId,
    alertRef,
    submit,
    showFormError: (message) => showErrors({}, message),
  };
}
