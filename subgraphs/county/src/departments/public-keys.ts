import { AppError, ErrorCode, publicKeySet, type JSONWebKeySet } from "@ssj/shared";

/**
 * The public key set recorded when a department registers: the one given, else the one its instance
 * serves at /.well-known/jwks.json (null when the instance does not answer yet). Only public members
 * are kept: a private key pasted by mistake is never stored.
 */
export async function registeredPublicKeys(given: string | null | undefined, url: string): Promise<string | null> {
  if (given) return JSON.stringify(publicKeySet(parseKeySet(given)));
  try {
    const res = await fetch(new URL("/.well-known/jwks.json", url), { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return null;
    return JSON.stringify(publicKeySet(parseKeySet(await res.text())));
  } catch {
    return null;
  }
}

function parseKeySet(text: string): JSONWebKeySet {
  let set: unknown;
  try {
    set = JSON.parse(text);
  } catch {
    set = null;
  }
  const keys = (set as JSONWebKeySet | null)?.keys;
  if (!Array.isArray(keys) || !keys.length || keys.some((k) => typeof k !== "object" || !k || typeof k.kty !== "string" || k.kty === "oct"))
    throw new AppError(ErrorCode.BAD_USER_INPUT, '公钥集须为 JWKS 格式的 JSON（{"keys": [...]}，非对称公钥）', { field: "publicKeys" });
  return set as JSONWebKeySet;
}
