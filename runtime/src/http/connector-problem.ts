/**
 * A failed connector call as problem+json. The status says whose side failed: the caller's
 * input (422, 400), the connection's setup (409), or the customer's API (502, 504 when it did
 * not answer in time). `connector` carries what a consultant needs in "Try it" and what an app
 * shows: the code, the remote status and body (secrets already redacted by the executor).
 */
import type { ConnectorError, ConnectorErrorCode } from '@tessera/connectors';
import { Problem } from './problem';

const STATUS: Record<ConnectorErrorCode, [number, string]> = {
  UNKNOWN_OPERATION: [404, 'Not found'],
  INPUT: [422, 'Validation failed'],
  CURSOR: [400, 'Bad request'],
  CONFIG: [409, 'Connection not set up'],
  AUTH: [409, 'Connection not set up'],
  EXPRESSION: [502, 'Connector failed'],
  FAILED: [502, 'Connector failed'],
  REMOTE: [502, 'Remote API error'],
  BAD_RESPONSE: [502, 'Remote API error'],
  OUTPUT_INVALID: [502, 'Remote API error'],
  OUTBOUND: [502, 'Remote API unreachable'],
};

export function connectorProblem(err: ConnectorError): Problem {
  let [status, title] = STATUS[err.code];
  if (err.code === 'OUTBOUND' && (err.detail.outbound === 'TIMEOUT' || err.detail.outbound === 'CONNECT_TIMEOUT'))
    [status, title] = [504, 'Remote API timeout'];
  const { problems, ...detail } = err.detail;
  return new Problem(status, title, err.message, {
    ...(problems ? { errors: problems } : {}),
    connector: { code: err.code, ...detail },
  });
}
