/*
 * How the collector keys people and progress in its tables, in one place:
 * - an actor (events.actor, users.actor, stuck_users.actor) is the userId, or `anon:<anonymousId>`
 *   for a visitor who never identified;
 * - a progress subject (progress.subject) is `user:<actor>` or `account:<accountId>`.
 */

const anonPrefix = 'anon:';
const userPrefix = 'user:';
const accountPrefix = 'account:';

/** The actor of a message or a request: the userId, else `anon:<anonymousId>`. */
export function actorOf(who: { userId?: string | null | undefined; anonymousId?: string | null | undefined }): string {
  return who.userId != null ? who.userId : `${anonPrefix}${who.anonymousId ?? ''}`;
}

/** Who an actor is, as the API names people: a userId, or null and the anonymousId of a visitor who never identified. */
export function personOf(actor: string, userId: string | null): { userId: string | null; anonymousId?: string } {
  const anonymous = userId === null && actor.startsWith(anonPrefix);
  return anonymous ? { userId: null, anonymousId: actor.slice(anonPrefix.length) } : { userId: userId ?? actor };
}

/** The progress subject of a user's own progress. */
export const userSubject = (actor: string): string => `${userPrefix}${actor}`;

/** The progress subject of an account's progress. */
export const accountSubject = (accountId: string): string => `${accountPrefix}${accountId}`;

/** SQL: the user progress subject of the actor in `column` (to join progress on). */
export const userSubjectSql = (column: string): string => `'${userPrefix}' || ${column}`;

/** SQL: the account id of the account progress subject in `column` (for rows where isAccountSubjectSql holds). */
export const subjectAccountIdSql = (column: string): string => `substr(${column}, ${accountPrefix.length + 1})`;

/** SQL: whether the progress subject in `column` is an account's. */
export const isAccountSubjectSql = (column: string): string => `${column} like '${accountPrefix}%'`;

/** SQL: the account progress subject of the account id in `expr`. */
export const accountSubjectSql = (expr: string): string => `'${accountPrefix}' || ${expr}`;
