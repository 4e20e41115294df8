/**
 * `superUsers` as Strimzi writes them: each entry becomes `User:<entry>` in Kafka's `super.users`, a
 * list separated by `;`. An entry written as a principal (`User:admin`) becomes `User:User:admin`,
 * and one holding `;` splits into several; neither matches the user meant.
 */
import { Finding, finding } from '../../core/problem';
import { RULES } from '../../rules';

/** Findings about the form of each super user entry. */
export function superUserSyntaxFindings(
  authorization: { readonly superUsers?: readonly unknown[] } | undefined,
): Finding[] {
  const out: Finding[] = [];
  (authorization?.superUsers ?? []).forEach((u, i) => {
    if (typeof u !== 'string') return;
    const field = `authorization.superUsers[${i}]`;
    const principal = /^User:/i.exec(u);
    if (principal) {
      out.push(
        finding(
          RULES.superUserSyntax,
          field,
          u,
          `Strimzi adds 'User:' itself, so Kafka would look for the principal 'User:${u}', which nobody has`,
          `list '${u.slice(principal[0].length)}'`,
        ),
      );
    } else if (u.includes(';')) {
      out.push(
        finding(
          RULES.superUserSyntax,
          field,
          u,
          "';' separates super.users entries, so Kafka would read several users from this one",
          `list each user as an entry of its own: ${u
            .split(';')
            .map((x) => `'${x.trim().replace(/^User:/i, '')}'`)
            .join(', ')}`,
        ),
      );
    }
  });
  return out;
}
