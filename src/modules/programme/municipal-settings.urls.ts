/** The URL of a municipality's accent stylesheet (linked only when it has an accent colour). */
export function accentStylesheetUrl(code: string): string {
  return `/styles/gemeente/${code}.css`;
}

/** The URL of a municipality's logo on the public site. */
export function logoUrl(slug: string): string {
  return `/gemeente/${slug}/logo`;
}
