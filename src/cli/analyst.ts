import { userInfo } from 'node:os';

/** Help text of the `--who` flag of `judge` and `decide`. */
export const WHO_HELP = 'who decided (default: $THREADLINE_USER, else the login name)';

/**
 * Who records a judgement or a decision, for the audit trail: `--who`, else $THREADLINE_USER
 * (a shared service account can name the analyst), else the login name. One rule for both
 * commands, so the trail does not say "root" for one and "unknown" for the other.
 */
export function analystName(flag: string | undefined): string {
  const given = flag?.trim() || process.env.THREADLINE_USER?.trim();
  if (given) return given;
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}
