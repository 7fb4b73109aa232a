// RFC 4648 §5 base64url without padding, as RFC 7636 Appendix A requires. btoa is in browsers,
// workers and Node ≥ 16; the three replacements are the whole difference from standard base64.
export function base64urlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
