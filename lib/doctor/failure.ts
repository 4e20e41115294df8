/**
 * What went wrong on one hop (the bootstrap or a broker), told apart by where it failed: TCP,
 * TLS (trust or host name), SASL (mechanism, missing, credentials) or authorization. Reads the
 * socket's own error (its `code`) and kafkajs's error `type`, not their English text, where it can.
 */

/** One distinct way a hop fails. */
export type Failure =
  /** Nothing listens on the address. */
  | 'refused'
  /** No answer within the timeout. */
  | 'timeout'
  /** The connection was accepted and closed (or reset) before any answer. */
  | 'closed'
  /** The certificate chain is not signed by a CA the doctor trusts (or is expired). */
  | 'tls-trust'
  /** The certificate does not name the host the doctor connected to. */
  | 'tls-host'
  /** The listener wants a client certificate (mutual TLS) the doctor did not give, or does not accept it. */
  | 'tls-client-certificate'
  /** Any other TLS failure, e.g. TLS to a port without TLS. */
  | 'tls'
  /** The listener wants SASL, the doctor gave none: the broker closed after ApiVersions. */
  | 'sasl-required'
  /** The listener does not offer SCRAM-SHA-512 (or no SASL at all). */
  | 'sasl-mechanism'
  /** The user or password was refused. */
  | 'sasl-credentials'
  /** The broker refused a request this user may not make. */
  | 'authorization'
  | 'other';

/** The failure of a hop and the facts that matter for its fix. */
export interface FailureFacts {
  readonly failure: Failure;
  /** The error, as short as it can be told (never a certificate's whole list of names). */
  readonly error: string;
  /** tls-host: the host name the certificate must hold. */
  readonly expectedHost?: string;
  /** tls-trust: the TLS error code, e.g. `UNABLE_TO_VERIFY_LEAF_SIGNATURE`. */
  readonly tlsCode?: string;
  /** sasl-mechanism: the mechanisms the listener offers (empty: no SASL on this listener). */
  readonly mechanisms?: readonly string[];
}

/** What the doctor saw while the hop failed. */
export interface FailureContext {
  /** Errors the sockets emitted (with their Node `code`). */
  readonly socketErrors: readonly (Error & { code?: string })[];
  /** Whether ApiVersions had been answered on this connection. */
  readonly answered: boolean;
  /** Whether the doctor authenticates with SASL. */
  readonly sasl: boolean;
  /** The host the doctor connected to. */
  readonly host: string;
}

const TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** The server's TLS alerts about the client's certificate: none given, or not one it trusts. */
const CLIENT_CERTIFICATE_CODES = new Set([
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
]);

/** `Name: message` of an error. */
export const errorText = (e: unknown): string =>
  `${(e as Error)?.name ?? 'Error'}: ${(e as Error)?.message ?? e}`.replace(/\s*\n\s*/g, ' ');

/** The failure from the TCP or TLS socket's own error, if it had one that tells. */
function socketFailure(ctx: FailureContext): FailureFacts | undefined {
  for (const e of ctx.socketErrors) {
    const code = e.code ?? '';
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
      return { failure: 'tls-host', error: `certificate does not name ${ctx.host}`, expectedHost: ctx.host };
    }
    if (TRUST_CODES.has(code)) return { failure: 'tls-trust', error: `${code}: ${e.message}`, tlsCode: code };
    if (code === 'ECONNREFUSED') return { failure: 'refused', error: `${code}: ${e.message}` };
    if (code === 'ETIMEDOUT') return { failure: 'timeout', error: `${code}: ${e.message}` };
    // OpenSSL's own message is a multi-line dump; its code says it all
    if (CLIENT_CERTIFICATE_CODES.has(code)) return { failure: 'tls-client-certificate', error: code, tlsCode: code };
    if (/^ERR_SSL_|^EPROTO$/.test(code)) return { failure: 'tls', error: code, tlsCode: code };
  }
  return undefined;
}

/** The failure of a kafkajs error, from its type (protocol errors) or class. */
function kafkaFailure(e: any, ctx: FailureContext): FailureFacts | undefined {
  const error = errorText(e);
  const type: string = e?.type ?? '';
  if (type === 'UNSUPPORTED_SASL_MECHANISM' || /mechanism is not supported by the server/.test(e?.message ?? '')) {
    return { failure: 'sasl-mechanism', error, mechanisms: e?.mechanisms };
  }
  if (type === 'ILLEGAL_SASL_STATE') return { failure: 'sasl-mechanism', error, mechanisms: [] };
  if (type === 'SASL_AUTHENTICATION_FAILED' || e?.name === 'KafkaJSSASLAuthenticationError') {
    return { failure: 'sasl-credentials', error };
  }
  if (/_AUTHORIZATION_FAILED$/.test(type)) return { failure: 'authorization', error };
  if (/timeout|timed out/i.test(`${e?.name} ${e?.message}`)) return { failure: 'timeout', error };
  if (e?.name === 'KafkaJSConnectionClosedError' || /closed|disconnected|socket hang up/i.test(e?.message ?? '')) {
    // a SASL listener closes a connection that sends anything but ApiVersions and SASL before authenticating
    return { failure: ctx.answered && !ctx.sasl ? 'sasl-required' : 'closed', error };
  }
  return undefined;
}

/** Tells apart why a hop failed. */
export function classifyFailure(e: unknown, ctx: FailureContext): FailureFacts {
  const fromSocket = socketFailure(ctx);
  if (fromSocket) return fromSocket;
  const codes = ctx.socketErrors.map((s) => s.code ?? '');
  if (codes.some((c) => CLOSED_CODES.has(c))) {
    return { failure: ctx.answered && !ctx.sasl ? 'sasl-required' : 'closed', error: errorText(e) };
  }
  return kafkaFailure(e, ctx) ?? { failure: 'other', error: errorText(e) };
}
