import { z } from 'zod';
import {
  AGE_RANGES,
  CONTACT_MAX_CHARS,
  CONTACT_PREFERENCES,
  MESSAGE_MAX_CHARS,
  NAME_MAX_CHARS,
  type AgeRange,
  type ContactPreference,
  type NewConversationInput,
} from './conversations.types.ts';

/** A field of the child's forms that can carry an error. */
export type ChildFormField = 'message' | 'name' | 'age' | 'contact' | 'phone' | 'email' | 'code';

/**
 * What can be wrong with a child's form. Each id is a message in the public catalogue
 * (`form.error.<id>`), so the page says exactly what to do.
 */
export type ChildFormErrorId =
  | 'messageMissing'
  | 'messageTooLong'
  | 'nameTooLong'
  | 'ageInvalid'
  | 'contactInvalid'
  | 'phoneMissing'
  | 'phoneInvalid'
  | 'emailMissing'
  | 'emailInvalid'
  | 'codeMissing'
  | 'codeWrong';

/** One error, tied to the field it is about (the summary links to it). */
export interface ChildFormError {
  field: ChildFormField;
  id: ChildFormErrorId;
}

/** What the child typed into the write form, as text, to show again after an error (never the honeypot). */
export interface WriteFormValues {
  message: string;
  name: string;
  age: string;
  contact: string;
  phone: string;
  email: string;
}

export const EMPTY_WRITE_FORM: WriteFormValues = {
  message: '',
  name: '',
  age: '',
  contact: 'code',
  phone: '',
  email: '',
};

/** The form's one-time token: what randomToken() makes (43 base64url characters), with some slack. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
/** Digits with the usual separators; at least 6 digits (checked apart). */
const PHONE = /^\+?[0-9 ()./-]{6,30}$/;
/** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A form field as sent: a string, or the first of several; anything else is empty. */
const field = z
  .preprocess((value: unknown) => (Array.isArray(value) ? (value as unknown[])[0] : value), z.string().catch(''))
  .catch('');

const writeBody = z.object({
  message: field,
  name: field,
  age: field,
  contact: field,
  phone: field,
  email: field,
  website: field,
  token: field,
});

/** The outcome of reading the write form: the input for the service, or the errors; always the values. */
export type WriteFormResult =
  | { kind: 'valid'; input: NewConversationInput; values: WriteFormValues; honeypot: boolean }
  | { kind: 'invalid'; errors: ChildFormError[]; values: WriteFormValues; honeypot: boolean; tokenValid: boolean };

/** Reads and checks the write form (urlencoded or JSON body). */
export function parseWriteForm(body: unknown): WriteFormResult {
  const raw = writeBody.parse(body ?? {});
  const values: WriteFormValues = {
    message: raw.message,
    name: raw.name,
    age: raw.age,
    contact: raw.contact || 'code',
    phone: raw.phone,
    email: raw.email,
  };
  const honeypot = raw.website.trim() !== '';
  const errors: ChildFormError[] = [];

  const message = raw.message.replace(/\r\n?/g, '\n').trim();
  if (message === '') errors.push({ field: 'message', id: 'messageMissing' });
  else if (characters(message) > MESSAGE_MAX_CHARS) errors.push({ field: 'message', id: 'messageTooLong' });

  const name = raw.name.trim();
  if (characters(name) > NAME_MAX_CHARS) errors.push({ field: 'name', id: 'nameTooLong' });

  const age = raw.age === '' ? undefined : (AGE_RANGES as readonly string[]).includes(raw.age) ? raw.age : null;
  if (age === null) errors.push({ field: 'age', id: 'ageInvalid' });

  const contact = (CONTACT_PREFERENCES as readonly string[]).includes(values.contact)
    ? (values.contact as ContactPreference)
    : undefined;
  if (!contact) errors.push({ field: 'contact', id: 'contactInvalid' });
  const phone = raw.phone.trim();
  const email = raw.email.trim();
  if (contact === 'phone') {
    if (phone === '') errors.push({ field: 'phone', id: 'phoneMissing' });
    else if (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 6)
      errors.push({ field: 'phone', id: 'phoneInvalid' });
  }
  if (contact === 'email') {
    if (email === '') errors.push({ field: 'email', id: 'emailMissing' });
    else if (!EMAIL.test(email) || email.length > CONTACT_MAX_CHARS)
      errors.push({ field: 'email', id: 'emailInvalid' });
  }

  const tokenValid = TOKEN.test(raw.token);
  if (errors.length > 0 || !tokenValid || !contact) return { kind: 'invalid', errors, values, honeypot, tokenValid };
  return {
    kind: 'valid',
    values,
    honeypot,
    input: {
      message,
      ...(name ? { name } : {}),
      ...(age ? { ageRange: age as AgeRange } : {}),
      contact:
        contact === 'code'
          ? { preference: 'code' }
          : { preference: contact, detail: contact === 'phone' ? phone : email },
      submissionToken: raw.token,
    },
  };
}

const codeBody = z.object({ code: field, message: field, token: field, confirm: field });

/** The fields of the forms behind a code: read, reply, delete. */
export interface CodeFormValues {
  code: string;
  message: string;
  token: string;
  confirmed: boolean;
}

/** Reads the code forms; the code is kept as typed (the service normalises it). */
export function parseCodeForm(body: unknown): CodeFormValues {
  const raw = codeBody.parse(body ?? {});
  return {
    code: raw.code.trim().slice(0, 200),
    message: raw.message,
    token: TOKEN.test(raw.token) ? raw.token : '',
    confirmed: raw.confirm === 'yes',
  };
}

/** Checks a reply's text; undefined when it may be sent. */
export function replyError(message: string): ChildFormError | undefined {
  const text = message.replace(/\r\n?/g, '\n').trim();
  if (text === '') return { field: 'message', id: 'messageMissing' };
  if (characters(text) > MESSAGE_MAX_CHARS) return { field: 'message', id: 'messageTooLong' };
  return undefined;
}

/** The reply's text as it is stored: line breaks normalised, no surrounding space. */
export function replyText(message: string): string {
  return message.replace(/\r\n?/g, '\n').trim();
}

/** Counted as the browser's maxlength counts (UTF-16 units), so the form and the server agree. */
function characters(text: string): number {
  return text.length;
}
