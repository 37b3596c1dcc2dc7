import { z } from 'zod';
import { municipalityCodeSchema } from '../accounts/accounts.schema.ts';

/** Who may apply for a municipality. */
export const APPLICANT_ROLES = ['mayor', 'official'] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];

export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const NOTE_MAX = 2000;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/** A plausible e-mail address (one @, a domain with a dot, no spaces). */
export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX && EMAIL.test(value);
}

/**
 * A Dutch phone number as people write it: 10 digits starting with 0 (020 123 4567, 06-12345678),
 * +31 / 0031 followed by 9 digits, a free or paid service number (0800/0900/0906/0909 + 4–7 digits),
 * or the municipal number 14 followed by the area code (14 020). Spaces, dashes, dots, brackets allowed.
 */
export function isDutchPhoneNumber(value: string): boolean {
  if (!/^[\d\s()+.-]{3,25}$/.test(value)) return false;
  const digits = value.replace(/[\s().-]/g, '');
  return (
    /^0[1-9]\d{8}$/.test(digits) ||
    /^(\+31|0031)[1-9]\d{8}$/.test(digits) ||
    /^0(800|900|906|909)\d{4,7}$/.test(digits) ||
    /^14\d{3,4}$/.test(digits)
  );
}

/** The fields of the public application form, as typed (kept to show them again after an error). */
export interface ApplicationFormValues {
  municipality: string;
  name: string;
  role: string;
  email: string;
  phone: string;
  pledge: boolean;
}

export type ApplicationField = keyof ApplicationFormValues;

/** One problem with the form: which field, and the message id suffix (apply.error.<id>). */
export interface ApplicationFormError {
  field: ApplicationField;
  id:
    | 'municipalityMissing'
    | 'municipalityUnknown'
    | 'nameMissing'
    | 'nameTooLong'
    | 'roleMissing'
    | 'emailMissing'
    | 'emailInvalid'
    | 'phoneMissing'
    | 'phoneInvalid'
    | 'pledgeMissing';
}

/** A checked application, ready for the service. */
export interface ApplicationInput {
  municipalityCode: string;
  name: string;
  role: ApplicantRole;
  email: string;
  phone: string;
}

const text = z.preprocess(
  (value: unknown) => (Array.isArray(value) ? (value[0] as unknown) : value),
  z.string().max(4000).catch(''),
);
const formBody = z.object({
  municipality: text,
  name: text,
  role: text,
  email: text,
  phone: text,
  pledge: text,
});

/** Reads the urlencoded application form; every problem is reported at once (GOV.UK error summary). */
export function parseApplicationForm(body: unknown):
  | { kind: 'valid'; input: ApplicationInput; values: ApplicationFormValues }
  | {
      kind: 'invalid';
      errors: ApplicationFormError[];
      values: ApplicationFormValues;
    } {
  const raw = formBody.parse(body && typeof body === 'object' ? body : {});
  const values: ApplicationFormValues = {
    municipality: raw.municipality.trim(),
    name: raw.name.trim(),
    role: raw.role.trim(),
    email: raw.email.trim(),
    phone: raw.phone.trim(),
    pledge: raw.pledge === 'yes',
  };
  const errors: ApplicationFormError[] = [];
  if (values.municipality === '') errors.push({ field: 'municipality', id: 'municipalityMissing' });
  else if (!/^GM\d{4}$/.test(values.municipality)) errors.push({ field: 'municipality', id: 'municipalityUnknown' });
  if (values.name === '') errors.push({ field: 'name', id: 'nameMissing' });
  else if (values.name.length > NAME_MAX) errors.push({ field: 'name', id: 'nameTooLong' });
  if (!(APPLICANT_ROLES as readonly string[]).includes(values.role)) errors.push({ field: 'role', id: 'roleMissing' });
  if (values.email === '') errors.push({ field: 'email', id: 'emailMissing' });
  else if (!isEmailAddress(values.email)) errors.push({ field: 'email', id: 'emailInvalid' });
  if (values.phone === '') errors.push({ field: 'phone', id: 'phoneMissing' });
  else if (!isDutchPhoneNumber(values.phone)) errors.push({ field: 'phone', id: 'phoneInvalid' });
  if (!values.pledge) errors.push({ field: 'pledge', id: 'pledgeMissing' });
  if (errors.length > 0) return { kind: 'invalid', errors, values };
  return {
    kind: 'valid',
    values,
    input: {
      municipalityCode: values.municipality,
      name: values.name,
      role: values.role as ApplicantRole,
      email: values.email.toLowerCase(),
      phone: values.phone,
    },
  };
}

/** The confirmation form posts the token from the link (43 base64url characters). */
export const confirmTokenSchema = z.string().regex(/^[\w-]{43}$/);

/** One application as the national coordinator sees it. */
export const applicationViewSchema = z.object({
  id: z.string().uuid(),
  municipalityCode: municipalityCodeSchema,
  municipalityName: z.string(),
  participation: z.string(),
  applicantName: z.string(),
  applicantRole: z.enum(APPLICANT_ROLES),
  email: z.string(),
  phone: z.string(),
  status: z.enum(['submitted', 'email_verified', 'approved', 'rejected']),
  /** The e-mail domain does not look like the municipality's own (see emailDomainLooksOwn). */
  domainWarning: z.boolean(),
  createdAt: z.string(),
  emailVerifiedAt: z.string().nullable(),
  phoneCheckNote: z.string().nullable(),
  phoneCheckedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

export const applicationListSchema = z.object({ applications: z.array(applicationViewSchema) });
export const phoneCheckRequestSchema = z.object({ note: z.string().trim().min(1).max(NOTE_MAX) });
export const rejectRequestSchema = z.object({ reason: z.string().trim().min(1).max(NOTE_MAX) });
export const approveResultSchema = z.object({
  invited: z.boolean(),
  /** Already an account with this address: no invitation was sent. */
  alreadyHasAccount: z.boolean(),
});
