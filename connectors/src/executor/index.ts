export { executeOperation, type ExecutorPorts, type OperationCall, type OperationResult } from './execute-operation';
export { ConnectorError, isConnectorError, type ConnectorErrorCode, type ConnectorErrorDetail } from './connector-error';
export { secretsOf, type Credential, type OAuthTokens } from './credential.types';
export { RateLimiter } from './rate-limiter';
export { redact } from './redact';
