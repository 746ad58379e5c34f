/** Why a CSM user change was refused; `field` names the input (email, name, role, password, apps). */
export class CsmInputError extends Error {
  override name = 'CsmInputError';
  constructor(
    readonly kind: 'invalid' | 'exists' | 'user_not_found' | 'app_not_found',
    readonly field: 'email' | 'name' | 'role' | 'password' | 'apps',
    message: string,
  ) {
    super(message);
  }
}
