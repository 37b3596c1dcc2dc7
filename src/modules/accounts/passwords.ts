import { apiError } from '../../http/api-errors.ts';
import { checkNewPassword } from './password-policy.ts';

/** Refuses a weak new password with the API error for its problem, on the `password` field. */
export async function checkNewPasswordOrThrow(password: string, email: string, field = 'password'): Promise<void> {
  const problem = await checkNewPassword(password, email);
  if (problem) throw apiError(`password.${problem}`, {}, field);
}
