/**
 * Names people use that are not the CBS name: colloquial names, English names, Frisian/Dutch
 * variants and municipalities that merged (the old name finds the successor). The key is matched
 * after {@link toSearchKey}; a name may point to several municipalities (a split).
 */
export const MUNICIPALITY_ALIASES: ReadonlyArray<readonly [label: string, codes: readonly string[]]> = [
  ['Den Bosch', ['GM0796']],
  ['Den Haag', ['GM0518']],
  ['The Hague', ['GM0518']],
  ['Sudwest Friesland', ['GM1900']],
  ['Zuidwest Friesland', ['GM1900']],
  ['Noordoost Friesland', ['GM1970']],
  ['De Friese Meren', ['GM1940']],
  ['Tietjerksteradeel', ['GM0737']],
  ['Dantumadeel', ['GM1891']],
  ['Ljouwert', ['GM0080']],
  ['Snits', ['GM1900']],
  ['Sneek', ['GM1900']],
  ['Bolsward', ['GM1900']],
  ['Drachten', ['GM0090']],
  // Merged municipalities: the former name leads to the successor.
  ['Uden', ['GM1991']],
  ['Landerd', ['GM1991']],
  ['Heerhugowaard', ['GM1980']],
  ['Langedijk', ['GM1980']],
  ['Brielle', ['GM1992']],
  ['Hellevoetsluis', ['GM1992']],
  ['Westvoorne', ['GM1992']],
  ['Rockanje', ['GM1992']],
  ['Boxmeer', ['GM1982']],
  ['Cuijk', ['GM1982']],
  ['Sint Anthonis', ['GM1982']],
  ['Mill en Sint Hubert', ['GM1982']],
  ['Grave', ['GM1982']],
  ['Weesp', ['GM0363']],
  ['Appingedam', ['GM1979']],
  ['Delfzijl', ['GM1979']],
  ['Loppersum', ['GM1979']],
  ['Haaren', ['GM0757', 'GM0824', 'GM0855', 'GM0865']],
  ['Haren', ['GM0014']],
  ['Ten Boer', ['GM0014']],
  ['Beemster', ['GM0439']],
];
