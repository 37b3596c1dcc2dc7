/**
 * How people refer to a case in e-mails and on paper: "D-" and the first eight characters of its id
 * in capitals (e.g. D-3F2A9C01). Enough to find it in the list; says nothing about the child.
 */
export function caseReference(caseId: string): string {
  return `D-${caseId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
