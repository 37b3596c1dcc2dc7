/**
 * Classification of cases for figures, after the Child Helpline International (CHI) data framework:
 * what the contact was about (category, and for some a subcategory) and how the case ended (outcome).
 * The codes are stored on the case; the labels are for people (Dutch and English).
 */

/** A label in both languages. */
export interface Label {
  nl: string;
  en: string;
}

/** One code with its label. */
export interface ClassificationCode {
  code: string;
  label: Label;
}

/** A category with its subcategories (possibly none). */
export interface CaseCategory extends ClassificationCode {
  subcategories: ClassificationCode[];
}

const code = (value: string, nl: string, en: string): ClassificationCode => ({ code: value, label: { nl, en } });

/** The CHI categories, in the order the back office shows them. */
export const CASE_CATEGORIES: readonly CaseCategory[] = [
  {
    ...code('abuse_violence', 'Mishandeling en geweld', 'Abuse and violence'),
    subcategories: [
      code('physical', 'Lichamelijke mishandeling', 'Physical abuse'),
      code('sexual', 'Seksueel misbruik', 'Sexual abuse'),
      code('emotional', 'Emotionele mishandeling', 'Emotional abuse'),
      code('neglect', 'Verwaarlozing', 'Neglect'),
      code('domestic_violence_witnessed', 'Getuige van huiselijk geweld', 'Witnessing domestic violence'),
      code('online', 'Online geweld of misbruik', 'Online violence or abuse'),
    ],
  },
  {
    ...code('family_relationships', 'Gezin en familie', 'Family relationships'),
    subcategories: [
      code('conflict', 'Ruzie of conflict thuis', 'Conflict at home'),
      code('divorce', 'Scheiding van ouders', "Parents' divorce"),
      code('parent_problems', 'Problemen van ouders (verslaving, ziekte)', "Parents' problems (addiction, illness)"),
    ],
  },
  {
    ...code('peer_relationships', 'Vrienden en leeftijdgenoten', 'Peer relationships'),
    subcategories: [
      code('bullying', 'Pesten', 'Bullying'),
      code('online_bullying', 'Online pesten', 'Online bullying'),
      code('friendship', 'Vriendschap en relaties', 'Friendship and relationships'),
    ],
  },
  {
    ...code('mental_health', 'Psychische gezondheid', 'Mental health'),
    subcategories: [
      code('anxiety_depression', 'Angst of somberheid', 'Anxiety or depression'),
      code('self_harm', 'Zelfbeschadiging', 'Self-harm'),
      code('suicidal_thoughts', 'Gedachten aan zelfdoding', 'Suicidal thoughts'),
      code('eating', 'Eetproblemen', 'Eating problems'),
    ],
  },
  { ...code('sexuality', 'Seksualiteit en identiteit', 'Sexuality and identity'), subcategories: [] },
  { ...code('school', 'School', 'School'), subcategories: [] },
  { ...code('health', 'Lichamelijke gezondheid', 'Physical health'), subcategories: [] },
  {
    ...code('addiction', 'Verslaving (alcohol, drugs, gamen)', 'Addiction (alcohol, drugs, gaming)'),
    subcategories: [],
  },
  {
    ...code('basic_needs', 'Basisbehoeften', 'Basic needs'),
    subcategories: [
      code('homelessness', 'Dakloosheid of geen veilige slaapplek', 'Homelessness or no safe place to sleep'),
      code('poverty', 'Armoede', 'Poverty'),
    ],
  },
  { ...code('legal', 'Juridische vragen', 'Legal questions'), subcategories: [] },
  { ...code('other', 'Anders', 'Other'), subcategories: [] },
];

/** How a case ended (set when closing). */
export const CASE_OUTCOMES: readonly ClassificationCode[] = [
  code('referred_veilig_thuis', 'Gemeld of doorverwezen naar Veilig Thuis', 'Reported or referred to Veilig Thuis'),
  code('referred_police', 'Doorverwezen naar de politie', 'Referred to the police'),
  code('referred_youth_care', 'Doorverwezen naar jeugdhulp of wijkteam', 'Referred to youth care or the local team'),
  code('referred_other', 'Doorverwezen naar een andere partij', 'Referred to another party'),
  code('advice_given', 'Advies gegeven', 'Advice given'),
  code('child_safe_no_further_action', 'Kind is veilig, geen verdere actie', 'Child is safe, no further action'),
  code('contact_lost', 'Contact verloren', 'Contact lost'),
  code('other', 'Anders', 'Other'),
];

/** The category with this code, if it exists. */
export function findCategory(category: string): CaseCategory | undefined {
  return CASE_CATEGORIES.find((candidate) => candidate.code === category);
}

/** Whether `subcategory` (null: none) is allowed under `category`. */
export function isValidClassification(category: string, subcategory: string | null): boolean {
  const found = findCategory(category);
  if (!found) return false;
  return subcategory === null || found.subcategories.some((candidate) => candidate.code === subcategory);
}

/** Whether `outcome` is a known outcome code. */
export function isValidOutcome(outcome: string): boolean {
  return CASE_OUTCOMES.some((candidate) => candidate.code === outcome);
}

/** The lists in one language, as GET /api/v1/cases/classification answers them. */
export function classificationIn(locale: 'nl' | 'en') {
  return {
    categories: CASE_CATEGORIES.map((category) => ({
      code: category.code,
      label: category.label[locale],
      subcategories: category.subcategories.map((sub) => ({ code: sub.code, label: sub.label[locale] })),
    })),
    outcomes: CASE_OUTCOMES.map((outcome) => ({ code: outcome.code, label: outcome.label[locale] })),
  };
}
