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
  'referral_party.not_found': {
    status: 404,
    nl: 'Deze verwijzer staat niet in de lijst van uw gemeente.',
    en: 'This party is not in your municipality’s directory.',
  },
  'referral_party.inactive': {
    status: 409,
    nl: 'Deze verwijzer staat uit. Kies een andere, of laat de coördinator hem weer aanzetten.',
    en: 'This party is switched off. Choose another, or ask the coordinator to switch it on again.',
  },
  'referral_party.phone_invalid': {
    status: 400,
    nl: 'Dit telefoonnummer klopt niet. Gebruik alleen cijfers, spaties en streepjes, eventueel met + ervoor, bijvoorbeeld 020 123 4567 of +31 20 123 4567.',
    en: 'This phone number is not right. Use only digits, spaces and hyphens, optionally with + in front, e.g. 020 123 4567 or +31 20 123 4567.',
  },
  'referral_party.email_invalid': {
    status: 400,
    nl: 'Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@organisatie.nl.',
    en: 'This e-mail address is not right. An e-mail address looks like name@organisation.nl.',
  },
  'referral.not_found': {
    status: 404,
    nl: 'Deze verwijzing bestaat niet (meer) in dit dossier.',
    en: 'This referral does not exist (any more) in this case.',
  },
  'referral.party_required': {
    status: 400,
    nl: 'Kies bij een verwijzing naar een partij uit de lijst ook welke partij.',
    en: 'For a referral to a party from the directory, choose the party.',
  },
  'referral.consent_required': {
    status: 409,
    nl: 'Het kind heeft (nog) geen toestemming gegeven voor deze verwijzing. Volgens de Meldcode mag u Veilig Thuis en de politie ook zonder toestemming inschakelen; andere partijen niet. Vraag het kind eerst om toestemming en leg die vast in het dossier.',
    en: 'The child has not (yet) consented to this referral. Under the Meldcode you may involve Veilig Thuis and the police without consent; other parties you may not. Ask the child first and record the consent in the case.',
  },
  'referral.email_invalid': {
    status: 400,
    nl: 'Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@organisatie.nl.',
    en: 'This e-mail address is not right. An e-mail address looks like name@organisation.nl.',
  },
  'referral.already_confirmed': {
    status: 409,
    nl: 'Deze verwijzing is al bevestigd door de ontvanger; er is geen nieuwe link nodig.',
    en: 'The recipient has already confirmed this referral; no new link is needed.',
  },
  'case.not_found': {
    status: 404,
    nl: 'Dit dossier bestaat niet (meer). Misschien is de bewaartermijn voorbij en is het vernietigd.',
    en: 'This case does not exist (any more). Its retention term may have ended and it was destroyed.',
  },
  'case.access_denied': {
    status: 403,
    nl: 'U bent niet aan dit dossier toegewezen. Is het nodig? Breek het glas en schrijf waarom; dat wordt vastgelegd en de coördinator krijgt bericht.',
    en: 'You are not assigned to this case. If you must, break the glass and write why; this is recorded and the coordinator is told.',
  },
  'case.no_municipality': {
    status: 403,
    nl: 'Dossiers zijn alleen te openen door medewerkers van een gemeente.',
    en: 'Cases can only be opened by staff of a municipality.',
  },
  'case.invalid_transition': {
    status: 409,
    nl: 'Dit dossier heeft de status "{from}" en kan niet naar "{to}". Een gesloten dossier kan alleen terug naar "in behandeling".',
    en: 'This case has the status "{from}" and cannot move to "{to}". A closed case can only go back to "in progress".',
  },
  'case.close_needs_category': {
    status: 400,
    nl: 'Kies eerst een categorie voor dit dossier (Classificatie); daarna kunt u het sluiten.',
    en: 'Choose a category for this case first (Classification); then you can close it.',
  },
  'case.outcome_invalid': {
    status: 400,
    nl: 'Kies bij het sluiten hoe het dossier is afgerond (een van de uitkomsten uit de lijst).',
    en: 'When closing, choose how the case ended (one of the outcomes in the list).',
  },
  'case.classification_invalid': {
    status: 400,
    nl: 'Deze categorie of subcategorie bestaat niet. Kies er een uit de lijst.',
    en: 'This category or subcategory does not exist. Choose one from the list.',
  },
  'case.assignee_invalid': {
    status: 400,
    nl: 'U kunt een dossier alleen toewijzen aan een actieve beantwoorder of coördinator van uw gemeente.',
    en: 'You can only assign a case to an active responder or coordinator of your municipality.',
  },
  'case.assignee_not_found': {
    status: 404,
    nl: 'Deze persoon is niet aan dit dossier toegewezen.',
    en: 'This person is not assigned to this case.',
  },
  'case.break_glass_not_needed': {
    status: 409,
    nl: 'U kunt dit dossier al openen; het glas breken is niet nodig.',
    en: 'You can already open this case; there is no need to break the glass.',
  },
  'case_task.not_found': {
    status: 404,
    nl: 'Deze taak bestaat niet (meer) in dit dossier.',
    en: 'This task does not exist (any more) in this case.',
  },
  'case_task.assignee_invalid': {
    status: 400,
    nl: 'Een taak kan alleen naar een actieve hulpverlener of coördinator van uw gemeente.',
    en: 'A task can only go to an active responder or coordinator of your municipality.',
  },
  'case_settings.retention_invalid': {
    status: 400,
    nl: 'De bewaartermijn moet een heel aantal maanden zijn, van 1 tot en met 1200 (100 jaar).',
    en: 'The retention term must be a whole number of months, from 1 to 1200 (100 years).',
  },
  'case_settings.stale_invalid': {
    status: 400,
    nl: 'Het aantal dagen waarna een onaangeroerd dossier wordt gemeld moet een heel getal zijn, van 1 tot en met 365.',
    en: 'The number of days after which an untouched case is flagged must be a whole number, from 1 to 365.',
  },
  'meldcode.step_unknown': {
    status: 404,
    nl: 'De meldcode heeft vijf stappen: kies stap 1 tot en met 5.',
    en: 'The Meldcode has five steps: choose step 1 to 5.',
  },
  'meldcode.step_out_of_order': {
    status: 409,
    nl: 'Stap {step} kan nog niet. Leg eerst het besluit van stap {previous} vast ({previousTitleNl}).',
    en: 'Step {step} cannot be taken yet. First record the decision of step {previous} ({previousTitleEn}).',
  },
  'meldcode.answer_missing': {
    status: 400,
    nl: 'Beantwoord in stap {step} eerst de vraag "{questionNl}".',
    en: 'In step {step}, first answer the question "{questionEn}".',
  },
  'meldcode.answer_unknown': {
    status: 400,
    nl: 'Stap {step} van de meldcode heeft geen vraag "{answerId}".',
    en: 'Step {step} of the Meldcode has no question "{answerId}".',
  },
  'meldcode.answer_invalid': {
    status: 400,
    nl: 'Beantwoord de vraag "{questionNl}" met {expectedNl}.',
    en: 'Answer the question "{questionEn}" with {expectedEn}.',
  },
  'meldcode.decision_invalid': {
    status: 400,
    nl: 'Het besluit "{decision}" hoort niet bij stap {step}. Kies uit: {choicesNl}.',
    en: 'The decision "{decision}" does not belong to step {step}. Choose from: {choicesEn}.',
  },
  'meldcode.reason_required': {
    status: 400,
    nl: 'U wijkt af van wat de afweging aangeeft ({defaultNl}). Schrijf in minstens {min} tekens waarom u anders besluit.',
    en: 'You depart from what the weighing points to ({defaultEn}). Write in at least {min} characters why you decide otherwise.',
  },
  'meldcode.case_closed': {
    status: 409,
    nl: 'Dit dossier is gesloten: de meldcode kan niet meer worden aangevuld.',
    en: 'This case is closed: the Meldcode can no longer be added to.',
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
