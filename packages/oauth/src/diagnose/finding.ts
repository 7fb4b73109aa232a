export type FindingCode =
  | 'authorize_missing'
  | 'authorize_on_api_host'
  | 'response_type_not_code'
  | 'authorize_client_id_missing'
  | 'state_missing'
  | 'challenge_missing'
  | 'challenge_method_missing'
  | 'challenge_method_plain'
  | 'challenge_malformed'
  | 'challenge_not_base64url'
  | 'challenge_is_verifier'
  | 'challenge_hex_encoded'
  | 'challenge_mismatch'
  | 'token_request_missing'
  | 'token_url_invalid'
  | 'token_method_not_post'
  | 'token_on_api_host'
  | 'token_path_wrong'
  | 'region_mismatch'
  | 'params_in_url'
  | 'content_type_wrong'
  | 'grant_type_missing'
  | 'grant_type_invalid'
  | 'code_missing'
  | 'client_id_missing'
  | 'client_id_mismatch'
  | 'client_secret_sent'
  | 'basic_auth_sent'
  | 'redirect_uri_missing'
  | 'redirect_uri_mismatch'
  | 'verifier_missing'
  | 'verifier_padded'
  | 'verifier_not_base64url'
  | 'verifier_bad_charset'
  | 'verifier_length'
  | 'code_reused_or_expired'
  | 'invalid_client'
  | 'authorize_refused'
  | 'unauthorized_client'
  | 'config_invalid'
  | 'config_not_json'
  | 'config_too_large'
  | 'config_key_unknown'
  | 'config_embeddable_invalid'
  | 'config_base_url_not_local'
  | 'config_region_missing'
  | 'config_region_unknown'
  | 'config_login_on_api_host'
  | 'config_client_id_missing'
  | 'config_client_id_malformed'
  | 'config_secret_present'
  | 'config_redirect_missing'
  | 'config_redirect_invalid'
  | 'config_redirect_not_https'
  | 'config_scope_invalid'
  | 'config_scope_unknown';

export interface Finding {
  code: FindingCode;
  /** error: would make the exchange fail, or is a leak; warning: wrong but may pass; info: could not check. */
  severity: 'error' | 'warning' | 'info';
  /** What is wrong, in plain words. */
  message: string;
  /** What was seen, with secrets redacted. */
  evidence: string;
  /** What to change. */
  fix: string;
  /**
   * The variable parts of `message` and `fix` (and of `evidence` where it is more than the request's own text), by
   * name, so that a page in another language can say the finding
   * from `code` and these alone (the app's catalogue has a message per code). Choices between wordings of one code
   * are values too (`kind`, `yes`/`no`), chosen in the message with an ICU `select`. Absent when nothing varies.
   * Redacted like the text.
   */
  values?: FindingValues;
}

export type FindingValues = Readonly<Record<string, string | number>>;

/** Shows enough of a sensitive value to recognise it, never enough to use it. */
export function redact(value: string): string {
  if (value.length <= 8) return `<${value.length} chars>`;
  return `${value.slice(0, 4)}…${value.slice(-2)} (${value.length} chars)`;
}
