/** `--base` names no commit, or git cannot answer: a usage error, said in one sentence. */
export class BaseRefError extends Error {
  override name = 'BaseRefError';
}
