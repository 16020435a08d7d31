// ESM entry point of the `iqtech` package: the same module as the CommonJS one (one addon
// instance, one set of error classes, so `instanceof` works across both styles).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const iqtech = require('./index.js')

export const {
  Client,
  Sandbox,
  Employees,
  WillCall,
  WillCallV1,
  Machines,
  Transactions,
  IqtechError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  ValidationError,
  ConfigurationError,
  ConnectionError,
  TimeoutError,
  DecodeError,
  OutcomeUnknownError,
} = iqtech
export default iqtech
