/**
 * The API's errors: a stable id to program against, an HTTP status, and a message in Dutch and
 * English for people. Services throw `apiError('id')`; the error handler answers
 * `{ error: { id, message, field? } }` in the caller's language.
 */
const CATALOGUE = {
  'request.invalid': { status: 400, nl: 'Dit veld klopt niet: {detail}', en: 'This field is not right: {detail}' },
  'request.too_large': { status: 413, nl: 'Dit verzoek is te groot.', en: 'This request is too large.' },
  'request.unsupported_media_type': {
    status: 415,
    nl: 'Stuur dit verzoek als JSON (Content-Type: application/json).',
    en: 'Send this request as JSON (Content-Type: application/json).',
  },
  'csrf.invalid': {
    status: 403,
    nl: 'Deze actie is geweigerd omdat de beveiligingscode ontbreekt of verlopen is. Laad de pagina opnieuw.',
    en: 'This action was refused because the security token is missing or expired. Reload the page.',
  },
  'auth.required': { status: 401, nl: 'Log eerst in.', en: 'Please sign in first.' },
  'auth.session_expired': {
    status: 401,
    nl: 'Uw sessie is verlopen. Log opnieuw in.',
    en: 'Your session has expired. Please sign in again.',
  },
  'auth.second_factor_required': {
    status: 403,
    nl: 'Bevestig eerst met uw tweede stap (code, herstelcode of passkey).',
    en: 'Confirm with your second step first (code, recovery code or passkey).',
  },
  'auth.forbidden': { status: 403, nl: 'Dit mag u niet doen met uw rol.', en: 'Your role does not allow this.' },
  'sign_in.failed': {
    status: 401,
    nl: 'Het e-mailadres of het wachtwoord klopt niet.',
    en: 'The e-mail address or the password is not right.',
  },
  'sign_in.throttled': {
    status: 429,
    nl: 'Te veel mislukte pogingen. Probeer het over {minutes} min. opnieuw.',
    en: 'Too many failed attempts. Try again in {minutes} min.',
  },
  'second_factor.invalid_code': {
    status: 401,
    nl: 'Deze code klopt niet of is al gebruikt. Kijk of de tijd op uw telefoon goed staat.',
    en: 'This code is not right or was already used. Check the time on your phone.',
  },
  'second_factor.invalid_recovery_code': {
    status: 401,
    nl: 'Deze herstelcode klopt niet of is al gebruikt.',
    en: 'This recovery code is not right or was already used.',
  },
  'second_factor.not_enrolled': {
    status: 409,
    nl: 'U hebt nog geen tweede stap ingesteld.',
    en: 'You have not set up a second step yet.',
  },
  'passkey.challenge_missing': {
    status: 400,
    nl: 'Deze passkey-aanvraag is verlopen of al gebruikt. Probeer het opnieuw.',
    en: 'This passkey request has expired or was already used. Please try again.',
  },
  'passkey.unknown_credential': {
    status: 401,
    nl: 'Deze passkey hoort niet bij uw account. Gebruik een passkey die u bij opendeur hebt ingesteld, of een andere tweede stap.',
    en: 'This passkey does not belong to your account. Use a passkey you set up for opendeur, or another second step.',
  },
  'passkey.invalid': {
    status: 401,
    nl: 'Deze passkey kon niet worden bevestigd. Probeer het opnieuw.',
    en: 'This passkey could not be confirmed. Please try again.',
  },
  'passkey.registration_failed': {
    status: 400,
    nl: 'De passkey kon niet worden ingesteld. Probeer het opnieuw.',
    en: 'The passkey could not be set up. Please try again.',
  },
  'passkey.already_registered': {
    status: 409,
    nl: 'Deze passkey is al ingesteld.',
    en: 'This passkey has already been set up.',
  },
  'passkey.not_found': {
    status: 404,
    nl: 'Deze passkey bestaat niet (meer).',
    en: 'This passkey does not exist (any more).',
  },
  'passkey.last_second_factor': {
    status: 409,
    nl: 'Dit is uw enige tweede stap. Stel eerst een andere in (een authenticator-app of nog een passkey) voordat u deze verwijdert.',
    en: 'This is your only second step. Set up another one first (an authenticator app or another passkey) before you remove this one.',
  },
  'password.too_short': {
    status: 400,
    nl: 'Kies een wachtwoord van minstens 12 tekens.',
    en: 'Choose a password of at least 12 characters.',
  },
  'password.too_long': { status: 400, nl: 'Dit wachtwoord is te lang.', en: 'This password is too long.' },
  'password.too_common': {
    status: 400,
    nl: 'Dit wachtwoord wordt te vaak gebruikt. Kies een ander, bijvoorbeeld een zin van vier woorden.',
    en: 'This password is too common. Choose another, for example a sentence of four words.',
  },
  'password.contains_email': {
    status: 400,
    nl: 'Gebruik uw e-mailadres niet in uw wachtwoord.',
    en: 'Do not use your e-mail address in your password.',
  },
  'password.wrong_current': {
    status: 400,
    nl: 'Uw huidige wachtwoord klopt niet.',
    en: 'Your current password is not right.',
  },
  'setup.invalid_token': {
    status: 400,
    nl: 'Deze installatielink klopt niet, is al gebruikt of is verlopen (na 1 uur). Herstart de server voor een nieuwe link.',
    en: 'This setup link is not right, was already used or has expired (after 1 hour). Restart the server for a new link.',
  },
  'setup.already_done': {
    status: 409,
    nl: 'opendeur is al ingesteld. Log in met uw account.',
    en: 'opendeur has already been set up. Sign in with your account.',
  },
  'invitation.invalid': {
    status: 404,
    nl: 'Deze uitnodiging bestaat niet. Controleer de link in uw e-mail.',
    en: 'This invitation does not exist. Check the link in your e-mail.',
  },
  'invitation.expired': {
    status: 410,
    nl: 'Deze uitnodiging is verlopen (na 72 uur). Vraag uw coördinator om een nieuwe.',
    en: 'This invitation has expired (after 72 hours). Ask your coordinator for a new one.',
  },
  'invitation.used': {
    status: 410,
    nl: 'Deze uitnodiging is al gebruikt. Log in met uw account.',
    en: 'This invitation was already used. Sign in with your account.',
  },
  'invitation.email_taken': {
    status: 409,
    nl: 'Er is al een account met dit e-mailadres.',
    en: 'There is already an account with this e-mail address.',
  },
  'invitation.wrong_municipality': {
    status: 403,
    nl: 'U kunt alleen mensen van uw eigen gemeente uitnodigen.',
    en: 'You can only invite people of your own municipality.',
  },
  'invitation.role_not_allowed': {
    status: 403,
    nl: 'Deze rol kunt u niet toekennen.',
    en: 'You cannot give this role.',
  },
  'invitation.unknown_municipality': {
    status: 400,
    nl: 'Deze gemeente bestaat niet (meer). Kies een huidige gemeente.',
    en: 'This municipality does not exist (any more). Choose a current municipality.',
  },
  'sso.unknown_municipality': {
    status: 404,
    nl: 'Deze gemeente bestaat niet.',
    en: 'This municipality does not exist.',
  },
  'sso.secret_required': {
    status: 400,
    nl: 'Vul het clientgeheim in dat de identiteitsprovider gaf.',
    en: 'Enter the client secret the identity provider gave.',
  },
  'sso.issuer_insecure': {
    status: 400,
    nl: 'Het adres van de identiteitsprovider moet met https:// beginnen.',
    en: 'The identity provider address must start with https://.',
  },
  'sso.issuer_unreachable': {
    status: 400,
    nl: 'De identiteitsprovider is niet bereikbaar of geeft geen geldige OpenID Connect-configuratie. Controleer het adres.',
    en: 'The identity provider cannot be reached or gives no valid OpenID Connect configuration. Check the address.',
  },
  'team.not_found': { status: 404, nl: 'Deze medewerker bestaat niet.', en: 'This staff member does not exist.' },
  'team.cannot_deactivate_self': {
    status: 409,
    nl: 'U kunt uw eigen account niet uitschakelen. Vraag een andere coördinator.',
    en: 'You cannot deactivate your own account. Ask another coordinator.',
  },
  'alert.not_found': {
    status: 404,
    nl: 'Deze melding bestaat niet of is al opgepakt.',
    en: 'This alert does not exist or has been picked up already.',
  },
  'conversation.not_found': {
    status: 404,
    nl: 'Dit gesprek bestaat niet (meer). Misschien heeft het kind het verwijderd.',
    en: 'This conversation does not exist (any more). The child may have deleted it.',
  },
  'conversation.closed': {
    status: 409,
    nl: 'Dit gesprek is gesloten. Heropen het eerst als u wilt antwoorden.',
    en: 'This conversation is closed. Reopen it first if you want to reply.',
  },
  'conversation.assignee_invalid': {
    status: 400,
    nl: 'U kunt dit gesprek alleen toewijzen aan een actieve beantwoorder of coördinator van uw gemeente.',
    en: 'You can only assign this conversation to an active responder or coordinator of your municipality.',
  },
  'conversation.no_municipality': {
    status: 403,
    nl: 'Gesprekken zijn alleen te lezen door medewerkers van een gemeente.',
    en: 'Conversations can only be read by staff of a municipality.',
  },
  'toolkit.not_found': {
    status: 404,
    nl: 'Deze toolkitpagina bestaat niet.',
    en: 'This toolkit page does not exist.',
  },
  'toolkit.version_not_found': {
    status: 404,
    nl: 'Deze versie van de toolkitpagina bestaat niet.',
    en: 'This version of the toolkit page does not exist.',
  },
  'toolkit.version_conflict': {
    status: 409,
    nl: 'Iemand anders heeft deze pagina intussen opgeslagen. Laad de pagina opnieuw en voer uw wijziging daarna nog eens in.',
    en: 'Someone else saved this page in the meantime. Reload the page and make your change again.',
  },
  'sticker.unknown_municipality': {
    status: 404,
    nl: 'Deze gemeente bestaat niet (meer). Kies een huidige gemeente.',
    en: 'This municipality does not exist (any more). Choose a current municipality.',
  },
  'sticker_order.no_municipality': {
    status: 403,
    nl: 'Alleen de coördinator van een gemeente kan stickers en posters bestellen.',
    en: 'Only the coordinator of a municipality can order stickers and posters.',
  },
  'sticker_order.not_found': {
    status: 404,
    nl: 'Deze bestelling bestaat niet.',
    en: 'This order does not exist.',
  },
  'sticker_order.invalid_transition': {
    status: 409,
    nl: 'Deze bestelling heeft de status "{from}" en kan niet naar "{to}". Goedkeuren kan bij een nieuwe bestelling, verzenden na goedkeuren; een verzonden of afgewezen bestelling is klaar.',
    en: 'This order has the status "{from}" and cannot move to "{to}". Approve a new order, ship an approved one; a shipped or rejected order is final.',
  },
  'sticker_order.note_required': {
    status: 400,
    nl: 'Schrijf bij een afwijzing waarom, zodat de gemeente weet wat ze kan doen.',
    en: 'When rejecting, say why, so the municipality knows what to do.',
  },
  'programme.application_not_found': {
    status: 404,
    nl: 'Deze aanmelding bestaat niet.',
    en: 'This application does not exist.',
  },
  'programme.application_decided': {
    status: 409,
    nl: 'Over deze aanmelding is al besloten.',
    en: 'This application has already been decided.',
  },
  'programme.application_not_ready': {
    status: 409,
    nl: 'Keur pas goed als het e-mailadres is bevestigd en de telefonische controle is vastgelegd.',
    en: 'Approve only once the e-mail address is confirmed and the phone check is recorded.',
  },
  'programme.not_own_municipality': {
    status: 403,
    nl: 'U kunt dit alleen voor uw eigen gemeente doen.',
    en: 'You can only do this for your own municipality.',
  },
  'programme.unknown_municipality': {
    status: 404,
    nl: 'Deze gemeente bestaat niet (meer).',
    en: 'This municipality does not exist (any more).',
  },
  'programme.readiness_item_not_found': {
    status: 404,
    nl: 'Dit punt van de checklist bestaat niet (meer).',
    en: 'This checklist item does not exist (any more).',
  },
  'programme.photo_invalid': {
    status: 400,
    nl: 'Kies een foto als JPEG of PNG van hoogstens 2 MB.',
    en: 'Choose a photo as JPEG or PNG of at most 2 MB.',
  },
  'programme.photo_not_allowed': {
    status: 400,
    nl: 'Een foto kan alleen bij het punt over de sticker op de deur.',
    en: 'A photo can only be added to the item about the sticker on the door.',
  },
  'programme.logo_invalid': {
    status: 400,
    nl: 'Kies een logo als PNG of JPEG van hoogstens 200 kB.',
    en: 'Choose a logo as PNG or JPEG of at most 200 kB.',
  },
  'programme.contrast_too_low': {
    status: 400,
    nl: 'Deze kleur heeft te weinig contrast met wit ({ratio}:1). Kies een donkerdere kleur: minstens 4,5:1 is nodig.',
    en: 'This colour has too little contrast with white ({ratio}:1). Choose a darker colour: at least 4.5:1 is needed.',
  },
  'programme.phone_invalid': {
    status: 400,
    nl: 'Vul een Nederlands telefoonnummer in, bijvoorbeeld 020 123 4567 of 14 020.',
    en: 'Enter a Dutch phone number, for example 020 123 4567 or 14 020.',
  },
  'programme.email_invalid': {
    status: 400,
    nl: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.',
    en: 'Enter a valid e-mail address, for example name@municipality.nl.',
  },
  'programme.language_unknown': {
    status: 400,
    nl: 'Kies alleen talen die de site kent.',
    en: 'Choose only languages the site offers.',
  },
  'testimonial.not_found': {
    status: 404,
    nl: 'Deze getuigenis bestaat niet.',
    en: 'This testimonial does not exist.',
  },
  'testimonial.photo_invalid': {
    status: 400,
    nl: 'Kies een foto als JPEG of PNG van hoogstens 1 MB.',
    en: 'Choose a photo as JPEG or PNG of at most 1 MB.',
  },
  'testimonial.consent_required': {
    status: 400,
    nl: 'Leg bij een foto vast wie toestemming gaf om hem te publiceren, hoe en wanneer.',
    en: 'With a photo, record who consented to publishing it, how and when.',
  },
  'testimonial.period_invalid': {
    status: 400,
    nl: 'De einddatum van de publicatie ligt vóór de begindatum.',
    en: 'The end date of the publication is before its start date.',
  },
  'testimonial.invalid_transition': {
    status: 409,
    nl: 'Deze getuigenis heeft de status "{from}" en kan niet naar "{to}".',
    en: 'This testimonial has the status "{from}" and cannot move to "{to}".',
  },
  'roster.not_own_municipality': {
    status: 403,
    nl: 'U kunt het rooster alleen van uw eigen gemeente beheren.',
    en: 'You can only manage the roster of your own municipality.',
  },
  'roster.member_invalid': {
    status: 400,
    nl: 'Alleen actieve behandelaars en coördinatoren van deze gemeente kunnen in het rooster.',
    en: 'Only active responders and coordinators of this municipality can be on the roster.',
  },
  'roster.exception_not_found': {
    status: 404,
    nl: 'Deze uitzondering bestaat niet (meer).',
    en: 'This exception does not exist (any more).',
  },
  'roster.not_covered': {
    status: 409,
    nl: 'Het rooster heeft de komende 14 dagen gaten en er is geen vervanging afgesproken.',
    en: 'The roster has gaps in the next 14 days and no fallback has been agreed.',
  },
  'roster.gaps_while_active': {
    status: 409,
    nl: 'De gemeente is actief, maar na deze wijziging is het rooster de komende 14 dagen niet gedekt en is er geen vervanging afgesproken. Onbezet: {periods}. Vul de gaten, spreek een vervanging af, of geef een reden op om de gemeente toch actief te houden (die wordt vastgelegd).',
    en: 'The municipality is active, but after this change the roster is not covered in the next 14 days and no fallback has been agreed. Uncovered: {periods}. Fill the gaps, agree a fallback, or give a reason to keep the municipality active anyway (it is recorded).',
  },
  not_found: { status: 404, nl: 'Niet gevonden.', en: 'Not found.' },
  internal: {
    status: 500,
    nl: 'Er ging iets mis aan onze kant. Probeer het opnieuw.',
    en: 'Something went wrong on our side. Please try again.',
  },
} as const satisfies Record<string, { status: number; nl: string; en: string }>;

export type ApiErrorId = keyof typeof CATALOGUE;

/** An error the API answers with; thrown by services and policies. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly id: ApiErrorId,
    readonly values: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(id);
  }

  get status(): number {
    return CATALOGUE[this.id].status;
  }

  /** The message for people, in Dutch or English. */
  messageIn(locale: 'nl' | 'en'): string {
    return CATALOGUE[this.id][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(this.values[name] ?? ''));
  }
}

/** Shorthand: `throw apiError('sign_in.failed')`. */
export function apiError(id: ApiErrorId, values?: Record<string, string | number>, field?: string): ApiError {
  return new ApiError(id, values, field);
}

/** Every error id, for the OpenAPI document and tests. */
export const API_ERROR_IDS = Object.keys(CATALOGUE) as ApiErrorId[];
