/** The renderer's errors are the platform API's problem+json errors (@tessera/core/wire). */
export { ApiError, isApiError, toApiError, type ProblemIssue } from '@tessera/core/wire';
