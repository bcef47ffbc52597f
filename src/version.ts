/** The mock's version, as `GET /health` reports it (kept in step with package.json by a test). */
export const MOCK_VERSION = "0.1.0";
